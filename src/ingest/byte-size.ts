/**
 * Sizes in bytes as people write them: '10MB', '512 KB', '2.5M', '1000'. A kilobyte here is
 * 1024 bytes, a megabyte 1024 kilobytes.
 */

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
}

/**
 * The number of bytes a size names, or null when it names none.
 * @example parseByteSize('10MB') -> 10485760
 * @example parseByteSize('ten') -> null
 */
export function parseByteSize(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/iu.exec(value)
  const unit = UNITS[match?.[2]?.toLowerCase() ?? 'none']
  if (match === null || unit === undefined) return null
  const bytes = Math.floor(Number(match[1]) * unit)
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null
}

/**
 * A size for a message, in the largest unit that keeps it at 1 or more.
 * @example formatByteSize(52428800) -> '50 MB'
 * @example formatByteSize(1536) -> '1.5 KB'
 */
export function formatByteSize(bytes: number): string {
  const [unit, size] =
    bytes >= 1024 ** 3
      ? ['GB', bytes / 1024 ** 3]
      : bytes >= 1024 ** 2
        ? ['MB', bytes / 1024 ** 2]
        : bytes >= 1024
          ? ['KB', bytes / 1024]
          : ['bytes', bytes]
  return `${Number(size.toFixed(1))} ${unit}`
}
