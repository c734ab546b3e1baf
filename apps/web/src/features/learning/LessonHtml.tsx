/** A lesson's rich text. */
export function LessonHtml({ html }: { html: string }) {
  return (
    <div
      className="prose"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes lesson contentHtml with an allowlist when it is saved (as it does course descriptions)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
