import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Channel } from "@tauri-apps/api/core";
import { afterEach, describe, expect, it } from "vitest";
import type { BackupOverview, BackupProgress, BackupView } from "../../ipc/client";
import { session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";

const backup: BackupView = {
  id: 1,
  createdAt: "2026-11-22T19:00:00Z",
  path: "/backups/innkeep-20261123-0300.sqlite3",
  sizeBytes: 1_572_864,
  sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  kind: "scheduled",
  verified: true,
  byUser: "system",
};

function overview(backups: BackupView[], backend: "embedded" | "postgres" = "embedded"): BackupOverview {
  return { backend, schedule: { enabled: true, time: "03:00", folder: "", keep: 14 }, backups, defaultFolder: "/backups" };
}

afterEach(() => {
  window.location.hash = "";
});

describe("backups", () => {
  it("lists backups with size and checksum, and Back up now shows progress then the new backup", async () => {
    window.location.hash = "#/settings/backups";
    let backups = [backup];
    let report: ((p: BackupProgress) => void) | undefined;
    let finish: (() => void) | undefined;
    await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      backup_overview: () => overview(backups),
      backup_now: ({ onProgress }) =>
        new Promise((resolve) => {
          report = (onProgress as Channel<BackupProgress>).onmessage;
          finish = () => {
            const made = { ...backup, id: 2, kind: "manual" as const, createdAt: "2026-11-23T02:00:00Z" };
            backups = [made, ...backups];
            resolve(made);
          };
        }),
    });
    const list = await screen.findByTestId("backup-list");
    expect(within(list).getByText("1.5 MB")).toBeInTheDocument();
    expect(within(list).getByText("9f86d081884c")).toBeInTheDocument();

    await userEvent.click(screen.getByTestId("backup-now"));
    await screen.findByTestId("backup-progress");
    report?.({ step: "verify", percent: 60 });
    expect(await screen.findByText("正在校验 · 60%")).toBeInTheDocument();
    finish?.();
    await screen.findAllByText("手动");
    expect(within(screen.getByTestId("backup-list")).getAllByRole("row")).toHaveLength(3);
  });

  it("asks before restoring and says that the current data is saved first", async () => {
    window.location.hash = "#/settings/backups";
    await renderWithIpc({ app_status: () => status(), current_session: () => session(), backup_overview: () => overview([backup]) });
    const list = await screen.findByTestId("backup-list");
    await userEvent.click(within(list).getByRole("button", { name: "恢复" }));
    expect(await screen.findByText("恢复前会自动把当前数据另存一份备份。")).toBeInTheDocument();
    expect(screen.getByTestId("restore-confirm")).toBeInTheDocument();
  });

  it("explains that a PostgreSQL server is backed up with pg_dump", async () => {
    window.location.hash = "#/settings/backups";
    await renderWithIpc({ app_status: () => status({ backend: "postgres" }), current_session: () => session(), backup_overview: () => overview([], "postgres") });
    expect(await screen.findByText(/pg_dump/, { selector: "p" })).toBeInTheDocument();
    expect(screen.queryByTestId("backup-now")).toBeNull();
  });
});
