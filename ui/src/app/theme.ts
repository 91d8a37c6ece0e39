// The Mantine theme: compact desktop density and the system CJK font stack.
// Its CSS variables are NOT injected at run time (the CSP forbids <style> elements); theme.test.ts writes
// them to theme.generated.css, which main.tsx imports as a static file.
import { createTheme } from "@mantine/core";

export const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const theme = createTheme({
  fontFamily: FONT_STACK,
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "Cascadia Mono", "Noto Sans Mono CJK SC", Menlo, Consolas, monospace',
  headings: { fontFamily: FONT_STACK },
  primaryColor: "teal",
  defaultRadius: "sm",
  focusRing: "auto",
  components: {
    Table: { defaultProps: { verticalSpacing: 4, horizontalSpacing: "xs", fz: "sm", striped: true, highlightOnHover: true } },
    TextInput: { defaultProps: { size: "sm" } },
    PasswordInput: { defaultProps: { size: "sm" } },
    Select: { defaultProps: { size: "sm", allowDeselect: false } },
    Button: { defaultProps: { size: "sm" } },
    // react-remove-scroll (Modal's scroll lock) injects a <style> element, which the CSP blocks; the shell
    // never scrolls the body anyway.
    Modal: { defaultProps: { lockScroll: false } },
  },
});
