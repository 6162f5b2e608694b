import { useTranslations } from "next-intl";
import { formatSubscriptionContent, type SubscriptionContent } from "@/lib/subscriptions/content";

// 订阅内容 wraps between its parts, never inside one: "料件[1-1000]" or "账册号[E32012500001]" stays on one line.
const BRACKETED = /(\S*\[[^\]]*\])/;

export function ContentText({ content, testId }: { content: SubscriptionContent; testId?: string }) {
  const t = useTranslations("subscriptionContent");
  const text = formatSubscriptionContent(content, (key, values) => t(key, values));
  return (
    <span data-testid={testId} className="break-words">
      {text.split(BRACKETED).map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="whitespace-nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
