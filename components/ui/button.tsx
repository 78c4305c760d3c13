import type { ButtonHTMLAttributes } from "react";

export type ButtonTone = "primary" | "danger" | "plain";

const TONES: Record<ButtonTone, string> = {
  primary: "bg-[var(--color-accent)] text-[var(--color-accent-ink)] hover:opacity-90",
  danger: "bg-red-700 text-white hover:bg-red-800",
  plain: "border border-[var(--color-line)] bg-[var(--color-card)] hover:border-[var(--color-ink)]",
};

const SIZES = { small: "px-3 py-1 text-sm", medium: "px-4 py-1.5" } as const;

/** The classes of a button (or a link that looks like one), so every button on the site looks alike. */
export function buttonClass(tone: ButtonTone = "primary", size: keyof typeof SIZES = "medium"): string {
  return `inline-flex items-center justify-center gap-1 rounded font-medium disabled:opacity-60 ${TONES[tone]} ${SIZES[size]}`;
}

/** A button in one of the site's tones. */
export function Button({
  tone = "primary",
  size = "medium",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: ButtonTone; size?: keyof typeof SIZES }) {
  return <button type={type} className={`${buttonClass(tone, size)} ${className ?? ""}`} {...props} />;
}
