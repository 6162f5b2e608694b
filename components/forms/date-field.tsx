"use client";

import { format, isValid, parse } from "date-fns";
import { enUS, zhCN } from "date-fns/locale";
import { CalendarIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Calendar } from "@/components/ui/calendar";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";

const DAY = "yyyy-MM-dd";
const toDate = (day: string | undefined) => {
  const date = day ? parse(day, DAY, new Date()) : undefined;
  return date && isValid(date) ? date : undefined;
};

// A calendar day as yyyy-MM-dd in every language (the browser's own date input shows MM/DD/YYYY in an English
// build): typed, or picked from the shadcn Calendar bounded by min … max. With `name` it also serves GET forms.
export function DateField(props: {
  id: string;
  name?: string;
  value?: string;
  defaultValue?: string;
  onChange?: (day: string) => void;
  min?: string;
  max?: string;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
}) {
  const t = useTranslations("common");
  const locale = useLocale();
  const [own, setOwn] = useState(props.defaultValue ?? "");
  const [open, setOpen] = useState(false);
  const value = props.value ?? own;
  const change = (day: string) => {
    if (props.value === undefined) setOwn(day);
    props.onChange?.(day);
  };
  const selected = toDate(value);
  const [minDate, maxDate] = [toDate(props.min), toDate(props.max)];
  return (
    <div className={cn("flex items-center gap-1", props.className)}>
      <Input
        id={props.id}
        name={props.name}
        value={value}
        onChange={(event) => change(event.target.value)}
        placeholder={DAY}
        inputMode="numeric"
        maxLength={10}
        autoComplete="off"
        data-min={props.min}
        data-max={props.max}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        className="font-mono"
      />
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button type="button" variant="outline" size="icon" aria-label={t("openCalendar")}>
            <CalendarIcon className="size-4" />
          </Button>
        </PopoverTrigger>
        <PopoverContent className="w-auto p-0" align="end">
          <Calendar
            mode="single"
            locale={locale === "en" ? enUS : zhCN}
            selected={selected}
            defaultMonth={selected ?? minDate}
            startMonth={minDate}
            endMonth={maxDate}
            disabled={[...(minDate ? [{ before: minDate }] : []), ...(maxDate ? [{ after: maxDate }] : [])]}
            onSelect={(date) => {
              if (!date) return;
              change(format(date, DAY));
              setOpen(false);
            }}
            autoFocus
          />
        </PopoverContent>
      </Popover>
    </div>
  );
}
