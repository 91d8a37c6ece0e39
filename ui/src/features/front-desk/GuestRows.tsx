// The guests of a room at check-in: name, phone, ID document (checked by Rust as it is typed, or read from a
// passport's MRZ) and nationality for each; the first is the primary guest.
import { ActionIcon, Button, Fieldset, Group, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError, StayGuestInput } from "../../ipc/client";
import { IdDocumentFields, MrzInput, mrzName, type IdDocumentValue } from "../guests";

export interface GuestForm {
  guestId: number | null;
  name: string;
  phone: string;
  email: string;
  idDocument: IdDocumentValue;
  nationality: string;
}

export function emptyGuest(): GuestForm {
  return { guestId: null, name: "", phone: "", email: "", idDocument: { kind: "china_resident_id", number: "" }, nationality: "" };
}

export function toStayGuest(g: GuestForm): StayGuestInput {
  return {
    guestId: g.guestId,
    guest: {
      name: g.name,
      phone: g.phone,
      email: g.email,
      idDocument: g.idDocument.number.trim() === "" ? null : g.idDocument,
      nationality: g.nationality,
    },
  };
}

export function GuestRows({
  guests,
  onChange,
  today,
  error,
}: {
  guests: GuestForm[];
  onChange: (guests: GuestForm[]) => void;
  today: string;
  /** The save's error; a missing ID document is shown on the guest it names. */
  error: ApiError | null;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<GuestForm>) => onChange(guests.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const missingId = (g: GuestForm) =>
    error?.key === "errors.stay.id_document_missing" && error.params?.guest === g.name.trim() ? t("frontDesk.idRequired") : null;

  return (
    <Stack gap="xs">
      {guests.map((g, i) => (
        <Fieldset
          key={i}
          legend={i === 0 ? t("frontDesk.primaryGuest") : t("frontDesk.guestN", { n: i + 1 })}
          data-testid={`stay-guest-${i}`}
        >
          <Group gap="sm" align="flex-start" grow>
            <TextInput
              label={t("fields.guestName")}
              required
              value={g.name}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              data-autofocus={i === 0 ? true : undefined}
              data-testid={`stay-guest-name-${i}`}
            />
            <TextInput
              label={t("fields.phone")}
              required={i === 0}
              value={g.phone}
              onChange={(e) => update(i, { phone: e.currentTarget.value })}
              data-testid={`stay-guest-phone-${i}`}
            />
          </Group>
          <Group gap="sm" align="flex-start" grow>
            <IdDocumentFields
              value={g.idDocument}
              onChange={(idDocument) => update(i, { idDocument })}
              onChecked={(view) => {
                if (view.nationality && !g.nationality) update(i, { nationality: view.nationality });
              }}
              error={missingId(g) ? { key: "errors.stay.id_document_missing", code: "id_document_missing", params: { guest: g.name } } : null}
            />
            <TextInput
              label={t("fields.nationality")}
              placeholder={t("guests.nationalityHint")}
              maw={120}
              maxLength={3}
              value={g.nationality}
              onChange={(e) => update(i, { nationality: e.currentTarget.value.toUpperCase() })}
              data-testid={`stay-guest-nationality-${i}`}
            />
          </Group>
          {g.idDocument.kind === "passport" && (
            <MrzInput
              today={today}
              onScanned={(data) =>
                update(i, { name: mrzName(data), idDocument: { kind: "passport", number: data.documentNumber }, nationality: data.nationality })
              }
            />
          )}
          {i > 0 && (
            <Group justify="flex-end" mt={4}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("frontDesk.removeGuest")}
                onClick={() => onChange(guests.filter((_, j) => j !== i))}
                data-testid={`stay-guest-remove-${i}`}
              >
                ×
              </ActionIcon>
            </Group>
          )}
        </Fieldset>
      ))}
      <Group>
        <Button variant="subtle" size="xs" onClick={() => onChange([...guests, emptyGuest()])} data-testid="stay-guest-add">
          {t("frontDesk.addGuest")}
        </Button>
      </Group>
    </Stack>
  );
}
