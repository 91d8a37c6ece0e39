// Finding the booking's guest: type a name, pinyin, initials ("zw") or phone; Rust searches as typing pauses.
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GuestView } from "../../ipc/client";
import { call, commands } from "../../ipc/client";

export const GUEST_SEARCH_DELAY_MS = 250;

export function guestLabel(guest: GuestView): string {
  return [guest.name, guest.phone].filter(Boolean).join(" · ");
}

export function GuestPicker({ guest, onPick, error }: { guest: GuestView | null; onPick: (guest: GuestView | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(guest ? guestLabel(guest) : "");
  const [text] = useDebouncedValue(search.trim(), GUEST_SEARCH_DELAY_MS);
  const searching = text !== "" && (guest === null || text !== guestLabel(guest));
  const found = useQuery({
    queryKey: ["guests", "search", text],
    queryFn: () => call(commands.searchGuests(text)),
    enabled: searching,
  });
  const guests = [...(guest ? [guest] : []), ...(found.data ?? []).filter((g) => g.id !== guest?.id)];

  return (
    <Select
      label={t("reservations.booking.guest")}
      placeholder={t("reservations.booking.guestSearch")}
      searchable
      clearable
      allowDeselect
      searchValue={search}
      onSearchChange={setSearch}
      data={guests.map((g) => ({ value: String(g.id), label: guestLabel(g) }))}
      filter={({ options }) => options}
      value={guest ? String(guest.id) : null}
      onChange={(value) => onPick(guests.find((g) => String(g.id) === value) ?? null)}
      nothingFoundMessage={searching && found.data ? t("reservations.booking.noGuestFound") : undefined}
      error={error}
      data-testid="booking-guest-search"
    />
  );
}
