/**
 * Arrow-key movement between the popup's result cards: the card to focus
 * next, -1 for the search box (up from the first card or Escape), or
 * undefined when the key is not a move.
 */
export function nextCardIndex(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return index - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Escape':
      return -1;
    default:
      return undefined;
  }
}
