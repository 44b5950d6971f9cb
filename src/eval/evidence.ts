/** Whether two evidence strings cite the same stretch of an article (sentence splits may differ). */

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

function words(text: string): Set<string> {
  return new Set(text.match(/[\p{L}\p{N}]+/gu) ?? [])
}

/**
 * True when two evidence strings cite the same stretch of text: one contains the other, or at
 * least 60% of the shorter one's words occur in the other (sentence splitting may differ).
 */
export function evidenceOverlaps(a: string, b: string): boolean {
  const x = normalise(a)
  const y = normalise(b)
  if (x === '' || y === '') return false
  if (x.includes(y) || y.includes(x)) return true
  const wx = words(x)
  const wy = words(y)
  const [small, large] = wx.size <= wy.size ? [wx, wy] : [wy, wx]
  if (small.size < 3) return false
  let shared = 0
  for (const word of small) if (large.has(word)) shared++
  return shared / small.size >= 0.6
}
