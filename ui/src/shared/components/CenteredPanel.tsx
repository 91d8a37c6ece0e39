// A card centred on an otherwise empty window: the setup, login and error screens before the shell.
import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import classes from "./layout.module.css";

export function CenteredPanel({
  title,
  subtitle,
  children,
  aside,
  wide = false,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  aside?: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={classes.centered}>
      <div className={classes.brand}>Innkeep</div>
      <Paper withBorder shadow="sm" p="lg" className={wide ? classes.panelWide : classes.panel}>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3">
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm" mt={4}>
                {subtitle}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </Paper>
      {aside}
    </div>
  );
}
