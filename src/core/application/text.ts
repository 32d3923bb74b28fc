// An empty or blank text counts as not filled in, as the schema's minLength 1 does for required fields.
export function isFilled(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}
