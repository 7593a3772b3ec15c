/**
 * Whether the very large data tests run at full size (`MOGNAD_LARGE_TESTS=1`). By default they run the same
 * assertions on a smaller file, large enough for the behaviour under test (a stream read to the end, a row
 * limit passed), so that the everyday suite stays fast.
 */
export const largeTests = process.env.MOGNAD_LARGE_TESTS === '1';

/** `full` rows with MOGNAD_LARGE_TESTS=1, otherwise `small`. */
export const dataSize = (small: number, full: number): number => (largeTests ? full : small);

/** A row count for a test's name, thousands apart with a space: "200 000". */
export const rowCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
