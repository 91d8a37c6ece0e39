// Mantine (static CSS only, see theme.ts), notifications, react-query and the app state.
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import i18n from "../i18n";
import { AppStateProvider } from "./app-state";
import { theme } from "./theme";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}

/**
 * withCssVariables / withGlobalClasses off: Mantine would otherwise add <style> elements at run time,
 * which `style-src 'self'` blocks. The variables come from styles.css + theme.generated.css instead.
 */
export function Providers({ children, queryClient }: { children: ReactNode; queryClient: QueryClient }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false} forceColorScheme="light">
        <Notifications position="bottom-right" limit={3} />
        <QueryClientProvider client={queryClient}>
          <AppStateProvider>{children}</AppStateProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
