import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // bindings.ts is generated from the Rust commands by tauri-specta; tsc still checks it.
  { ignores: ["dist", "node_modules", "src/ipc/bindings.ts"] },
  {
    files: ["**/*.{ts,tsx,js}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@mantine/core",
              importNames: ["Grid", "SimpleGrid", "AppShell", "Flex", "ColorSchemeScript"],
              message:
                "These render <style> elements at run time, which the strict CSP (style-src 'self') blocks. Use Group/Stack or a CSS module.",
            },
          ],
        },
      ],
    },
  },
);
