import type { ReactElement } from 'react';
import { FlatList, RefreshControl, StyleSheet, View } from 'react-native';
import { colors, radius, space } from './theme';

/** Rows shown at first, and added each time the owner scrolls near the end. */
export const PAGE = 50;

interface LongListProps<T> {
  rows: readonly T[];
  keyOf: (row: T) => string;
  renderRow: (row: T) => ReactElement;
  /** Above the rows, scrolling with them (search, buttons). */
  header: ReactElement;
  /** In place of the rows when there are none. */
  empty: ReactElement;
  /** Near the end: show more (the screen reads a longer page). */
  onEndReached?: () => void;
  onRefresh?: () => void;
  refreshing?: boolean;
}

/**
 * A screen that is a long list: only the rows in view are drawn (FlatList
 * virtualises), so a book of thousands scrolls as one of ten.
 */
export function LongList<T>({
  rows,
  keyOf,
  renderRow,
  header,
  empty,
  onEndReached,
  onRefresh,
  refreshing = false,
}: LongListProps<T>) {
  return (
    <FlatList
      style={styles.screen}
      contentContainerStyle={styles.content}
      data={rows}
      keyExtractor={keyOf}
      renderItem={({ item, index }) => (
        <View style={[styles.row, index === 0 && styles.first, index === rows.length - 1 && styles.last]}>
          {renderRow(item)}
        </View>
      )}
      ListHeaderComponent={<View style={styles.header}>{header}</View>}
      ListEmptyComponent={empty}
      onEndReached={onEndReached}
      onEndReachedThreshold={0.5}
      initialNumToRender={15}
      windowSize={7}
      keyboardShouldPersistTaps="handled"
      refreshControl={
        onRefresh ? <RefreshControl refreshing={refreshing} onRefresh={onRefresh} /> : undefined
      }
    />
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.bg },
  content: { padding: space.lg, paddingBottom: space.xl * 2 },
  header: { gap: space.md, marginBottom: space.md },
  row: { borderStartWidth: 1, borderEndWidth: 1, borderColor: colors.border, overflow: 'hidden' },
  first: { borderTopWidth: 1, borderTopStartRadius: radius, borderTopEndRadius: radius },
  last: { borderBottomWidth: 1, borderBottomStartRadius: radius, borderBottomEndRadius: radius },
});
