// Focus goes back to what opened the card dialog. The dialog is opened by code, not by a Radix trigger, and
// its opener (a submit button) is often disabled while the signed action runs, when focus() does nothing:
// then focus waits for the button to be enabled again, unless the user has moved on meanwhile.
const WAIT_FOR_ENABLED_MS = 30_000;

export function restoreFocus(opener: HTMLElement | null): void {
  if (!opener || !opener.isConnected) return;
  const focusIfIdle = () => {
    const active = document.activeElement;
    if (active === null || active === document.body) opener.focus();
  };
  if (!opener.matches(":disabled")) return focusIfIdle();
  const observer = new MutationObserver(() => {
    if (!opener.isConnected) return observer.disconnect();
    if (opener.matches(":disabled")) return;
    observer.disconnect();
    focusIfIdle();
  });
  observer.observe(opener, { attributes: true, attributeFilter: ["disabled"] });
  setTimeout(() => observer.disconnect(), WAIT_FOR_ENABLED_MS);
}
