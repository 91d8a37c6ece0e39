// Which screen shows, driven by appStatus().stage and the session: setup → admin → login → shell.
import { Alert, Button, Loader } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LoginScreen } from "../features/auth/LoginScreen";
import { AdminForm } from "../features/setup/AdminForm";
import { ConfigDamaged, ConnectionFailed } from "../features/setup/ConnectionProblem";
import { SetupWizard } from "../features/setup/SetupWizard";
import { CenteredPanel } from "../shared/components/CenteredPanel";
import { useErrorText } from "../shared/errors";
import { useAppState } from "./app-state";
import { Shell } from "./Shell";

function Splash() {
  return (
    <div className="splash" aria-busy="true">
      <Loader size="sm" />
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { status, statusError, session } = useAppState();
  const [changingConnection, setChangingConnection] = useState(false);

  if (statusError) {
    return (
      <CenteredPanel title={t("app.startFailed")}>
        <Alert color="red" variant="light">
          {errorText(statusError)}
        </Alert>
        <Button onClick={() => window.location.reload()}>{t("common.retry")}</Button>
      </CenteredPanel>
    );
  }
  if (!status) return <Splash />;

  switch (status.stage) {
    case "needs_connection":
      return <SetupWizard />;
    case "connection_failed": {
      if (changingConnection) {
        const params = status.error?.params ?? {};
        return (
          <SetupWizard
            startWithServer={status.backend === "postgres"}
            initialServer={{ host: params.host, port: params.port, database: params.database, user: params.user }}
            onCancel={() => setChangingConnection(false)}
          />
        );
      }
      return <ConnectionFailed status={status} onChange={() => setChangingConnection(true)} />;
    }
    case "config_damaged":
      return <ConfigDamaged status={status} />;
    case "needs_admin":
      return <AdminForm />;
    case "ready":
      if (session === undefined) return <Splash />;
      return session ? <Shell /> : <LoginScreen status={status} />;
  }
}
