// The house setting auto-assignment follows: cluster guests on the busiest floors or spread them evenly.
// Anyone with the Rooms tab sees it; changing it needs settings.manage (Rust checks it too).
import { Radio, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAppState } from "../../app/app-state";
import type { AssignmentStrategy } from "../../ipc/client";
import { call, commands } from "../../ipc/client";
import { useErrorText } from "../../shared/errors";

export const ASSIGNMENT_STRATEGY_KEY = ["assignmentStrategy"] as const;
const STRATEGIES: AssignmentStrategy[] = ["cluster", "spread"];

export function AssignmentStrategyControl() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { can } = useAppState();
  const queryClient = useQueryClient();
  const strategy = useQuery({ queryKey: ASSIGNMENT_STRATEGY_KEY, queryFn: () => call(commands.assignmentStrategy()) });
  const save = useMutation({
    mutationFn: (next: AssignmentStrategy) => call(commands.saveAssignmentStrategy(next)),
    onSuccess: (saved) => {
      queryClient.setQueryData(ASSIGNMENT_STRATEGY_KEY, saved);
      notifications.show({ color: "teal", message: t("rooms.assignment.saved", { strategy: t(`rooms.assignment.names.${saved}`) }) });
    },
  });
  const allowed = can("settings.manage");
  const failure = strategy.error ?? save.error;

  return (
    <section aria-labelledby="room-assignment-title">
      <Title order={2} size="h5" id="room-assignment-title" mb="xs">
        {t("rooms.assignment.title")}
      </Title>
      <Radio.Group
        value={save.isPending ? save.variables : (strategy.data ?? null)}
        onChange={(v) => save.mutate(v === "spread" ? "spread" : "cluster")}
        description={allowed ? t("rooms.assignment.hint") : t("rooms.assignment.readOnly")}
        error={failure ? errorText(failure) : undefined}
        inputWrapperOrder={["label", "description", "input", "error"]}
        aria-labelledby="room-assignment-title"
        data-testid="assignment-strategy"
      >
        <Stack gap="xs" mt="xs">
          {STRATEGIES.map((s) => (
            <Radio
              key={s}
              value={s}
              label={t(`rooms.assignment.${s}`)}
              description={t(`rooms.assignment.${s}Hint`)}
              disabled={!allowed || strategy.data === undefined || save.isPending}
              data-testid={`assignment-${s}`}
            />
          ))}
        </Stack>
      </Radio.Group>
    </section>
  );
}
