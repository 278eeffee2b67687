import { useIsFocused } from 'expo-router';

/**
 * Whether the screen this component is on is the one in view. Outside a navigator (a component
 * rendered alone, as in a component test) there is nothing else to show: it counts as in view.
 */
export function useFocused(): boolean {
  try {
    // biome-ignore lint/correctness/useHookAtTopLevel: it throws on every render or on none (a component is inside a navigator or not), so the hooks' order never changes
    return useIsFocused();
  } catch {
    return true;
  }
}
