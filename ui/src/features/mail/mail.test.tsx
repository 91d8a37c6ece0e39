import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { MailMessageView, OutboxView, Permission, SmtpSettingsInput, SmtpSettingsView } from "../../ipc/client";
import { apiError, session, status } from "../../test/fixtures";
import { renderWithIpc } from "../../test/render";

const FRONT_DESK: Permission[] = ["dashboard.view", "reservations.manage", "frontdesk.operate", "folios.post", "guests.manage", "housekeeping.update"];

function settings(overrides: Partial<SmtpSettingsView> = {}): SmtpSettingsView {
  return {
    configured: true,
    host: "smtp.exmail.qq.com",
    port: 465,
    security: "tls",
    user: "frontdesk@westlake-inn.cn",
    senderAddress: "frontdesk@westlake-inn.cn",
    senderName: "西湖客栈",
    password: "stored",
    ...overrides,
  };
}

function message(overrides: Partial<MailMessageView>): MailMessageView {
  return {
    id: 1,
    status: "queued",
    to: "张伟 <zhang.wei@example.cn>",
    cc: "",
    subject: "预订确认 B000001",
    attempts: 0,
    nextAttemptAt: "2026-11-23T02:00:00Z",
    lastErrorKind: "",
    lastError: "",
    createdAt: "2026-11-23T02:00:00Z",
    sentAt: null,
    queuedBy: "frontdesk",
    aboutEntity: "booking",
    aboutId: "B000001",
    attachments: [],
    ...overrides,
  };
}

/** Replaces a field's text in one step (typing long addresses key by key is slow on two cores). */
async function fill(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  await userEvent.click(field);
  await userEvent.paste(text);
}

afterEach(() => {
  window.location.hash = "";
});

describe("e-mail settings", () => {
  it("checks the form beside each field, then saves a new password without ever showing the stored one", async () => {
    window.location.hash = "#/settings/email";
    const saved: SmtpSettingsInput[] = [];
    const { calls } = await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      get_mail_settings: () => settings({ configured: false, host: "", port: 587, security: "start_tls", user: "", senderAddress: "", senderName: "", password: "not_needed" }),
      save_mail_settings: ({ input }) => {
        saved.push(input as SmtpSettingsInput);
        return settings({ port: 465, security: "tls", password: "stored" });
      },
    });
    const host = await screen.findByTestId("mail-host");
    expect(screen.getByTestId("mail-test-send")).toBeDisabled();
    await fill(host, "smtp.exmail.qq.com");
    await fill(screen.getByTestId("mail-port"), "70000");
    await fill(screen.getByTestId("mail-sender"), "frontdesk");
    await userEvent.click(screen.getByTestId("mail-save"));
    expect(await screen.findByText("端口必须是 1–65535 之间的数字。")).toBeInTheDocument();
    expect(screen.getByText("发件人地址格式不正确。")).toBeInTheDocument();
    expect(calls.mock.calls.map(([cmd]) => cmd)).not.toContain("save_mail_settings");

    await fill(screen.getByTestId("mail-port"), "587");
    await userEvent.click(screen.getByTestId("mail-security"));
    await userEvent.click(await screen.findByRole("option", { name: "TLS / SSL（通常为 465 端口）", hidden: true }));
    expect(screen.getByTestId("mail-port")).toHaveValue("465");
    await fill(screen.getByTestId("mail-sender"), "frontdesk@westlake-inn.cn");
    await fill(screen.getByTestId("mail-user"), "frontdesk@westlake-inn.cn");
    await fill(screen.getByTestId("mail-password"), "s3cret 密码");
    await userEvent.click(screen.getByTestId("mail-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      host: "smtp.exmail.qq.com",
      port: 465,
      security: "tls",
      user: "frontdesk@westlake-inn.cn",
      senderAddress: "frontdesk@westlake-inn.cn",
      senderName: "",
      newPassword: "s3cret 密码",
      clearPassword: false,
    });
    expect(await screen.findByTestId("mail-password-stored")).toHaveTextContent("已保存");
    expect(screen.getByTestId("mail-password")).toHaveValue("");
    expect(screen.getByTestId("mail-test-send")).toBeEnabled();
  });

  it("clears the stored password only when saved, and shows a Rust error beside its field", async () => {
    window.location.hash = "#/settings/email";
    const saved: SmtpSettingsInput[] = [];
    await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      get_mail_settings: () => settings(),
      save_mail_settings: ({ input }) => {
        saved.push(input as SmtpSettingsInput);
        throw apiError("errors.validation.invalid", { field: "host" });
      },
    });
    await userEvent.click(await screen.findByTestId("mail-password-clear"));
    expect(screen.getByText("保存后将从本机删除已保存的密码。")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("mail-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ newPassword: null, clearPassword: true });
    expect(await screen.findByText("服务器地址格式不正确。")).toBeInTheDocument();
  });

  it("sends a test e-mail and says in words why it did not arrive", async () => {
    window.location.hash = "#/settings/email";
    let fail = true;
    const { calls } = await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      get_mail_settings: () => settings({ security: "none", port: 25 }),
      send_test_mail: () => {
        if (fail) throw apiError("errors.mail.unreachable", { host: "smtp.exmail.qq.com", port: "25" });
        return null;
      },
    });
    expect(await screen.findByTestId("mail-plain-warning")).toBeInTheDocument();
    const to = screen.getByTestId("mail-test-to");
    expect(to).toHaveValue("frontdesk@westlake-inn.cn");
    await userEvent.click(screen.getByTestId("mail-test-send"));
    expect(await screen.findByTestId("mail-test-result")).toHaveTextContent("无法连接到邮件服务器 smtp.exmail.qq.com:25");
    fail = false;
    await fill(to, "manager@westlake-inn.cn");
    await userEvent.click(screen.getByTestId("mail-test-send"));
    expect(await screen.findByText("邮件服务器已接收发往 manager@westlake-inn.cn 的测试邮件。")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("send_test_mail", { to: "manager@westlake-inn.cn" });
  });
});

describe("out-box", () => {
  it("lists each message with its status, attempts and last error, and retries or cancels the waiting ones", async () => {
    window.location.hash = "#/settings/outbox";
    let view: OutboxView = {
      smtpConfigured: true,
      messages: [
        message({ id: 3, status: "failed", attempts: 1, nextAttemptAt: null, lastErrorKind: "rejected", lastError: "permanent error (550): 5.1.1 User unknown", to: "ghost@nowhere.example" }),
        message({ id: 2, status: "queued", attempts: 2, lastErrorKind: "unreachable", lastError: "Connection refused (os error 111)" }),
        message({
          id: 1,
          status: "sent",
          attempts: 1,
          nextAttemptAt: null,
          sentAt: "2026-11-23T02:01:00Z",
          attachments: [{ fileName: "确认单 B000001.pdf", mimeType: "application/pdf", sizeBytes: 48_128 }],
        }),
      ],
    };
    const { calls } = await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(),
      list_outbox: () => view,
      retry_mail_message: ({ id }) => {
        view = { ...view, messages: view.messages.map((m) => (m.id === id ? { ...m, status: "queued", attempts: 0 } : m)) };
        return null;
      },
      cancel_mail_message: () => null,
    });
    const failed = await screen.findByTestId("outbox-row-3");
    expect(within(failed).getByText("失败")).toBeInTheDocument();
    expect(within(failed).getByText("被服务器拒收")).toBeInTheDocument();
    expect(within(failed).getByText("permanent error (550): 5.1.1 User unknown")).toBeInTheDocument();
    const queued = screen.getByTestId("outbox-row-2");
    expect(within(queued).getByText("排队中")).toBeInTheDocument();
    expect(within(queued).getByText("无法连接服务器")).toBeInTheDocument();
    expect(within(queued).getByText("2")).toBeInTheDocument();
    const sent = screen.getByTestId("outbox-row-1");
    expect(within(sent).getByText("已发送")).toBeInTheDocument();
    expect(within(sent).getByText(/确认单 B000001\.pdf · 47\.0 KB/)).toBeInTheDocument();
    expect(within(sent).queryByRole("button")).toBeNull();

    await userEvent.click(within(failed).getByRole("button", { name: "立即重试" }));
    expect(calls).toHaveBeenCalledWith("retry_mail_message", { id: 3 });
    await waitFor(() => expect(within(screen.getByTestId("outbox-row-3")).getByText("排队中")).toBeInTheDocument());
    await userEvent.click(within(screen.getByTestId("outbox-row-2")).getByRole("button", { name: "取消发送" }));
    expect(calls).toHaveBeenCalledWith("cancel_mail_message", { id: 2 });
  });

  it("says when no mail server is set up, and filters by status", async () => {
    window.location.hash = "#/settings/outbox";
    const { calls } = await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(FRONT_DESK),
      list_outbox: () => ({ smtpConfigured: false, messages: [] }),
    });
    expect(await screen.findByTestId("outbox-not-configured")).toHaveTextContent("请管理员");
    expect(screen.getByText("发件箱是空的")).toBeInTheDocument();
    await userEvent.click(screen.getByText("失败"));
    expect(await screen.findByText("没有该状态的邮件。")).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith("list_outbox", { filter: { status: "failed" } });
  });

  it("is open to the front desk, while the mail server settings are not", async () => {
    window.location.hash = "#/settings";
    await renderWithIpc({
      app_status: () => status(),
      current_session: () => session(FRONT_DESK),
      list_outbox: () => ({ smtpConfigured: true, messages: [] }),
    });
    expect(await screen.findByTestId("settings-tab-outbox")).toBeInTheDocument();
    expect(screen.getByTestId("settings-tab-general")).toBeInTheDocument();
    expect(screen.queryByTestId("settings-tab-email")).toBeNull();
    expect(screen.queryByTestId("settings-tab-backups")).toBeNull();
  });
});
