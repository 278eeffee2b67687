import * as BackgroundTask from 'expo-background-task';
import * as TaskManager from 'expo-task-manager';
import { getBook } from './open-book';
import { saved } from './saved';
import { loadSession } from './session';

/**
 * The seed's periodic background attempt: when the owner turns it on, the
 * OS wakes the app now and then (Android's WorkManager, iOS's BGTaskScheduler,
 * at least every 15 minutes at the OS's discretion) to push and pull.
 */
const TASK = 'storesync-background-sync';
const KEY = 'storesync.backgroundSync';

// Defined at module load, as the OS may start the app headless just to run it.
TaskManager.defineTask(TASK, async () => {
  try {
    if (!(await loadSession())) return BackgroundTask.BackgroundTaskResult.Success;
    await (await getBook()).syncNow();
    return BackgroundTask.BackgroundTaskResult.Success;
  } catch {
    return BackgroundTask.BackgroundTaskResult.Failed;
  }
});

export const backgroundSyncSupported = true;

export const isBackgroundSyncOn = async () => (await saved.get(KEY)) === '1';

export async function setBackgroundSync(on: boolean): Promise<void> {
  if (on) await BackgroundTask.registerTaskAsync(TASK, { minimumInterval: 15 });
  else if (await TaskManager.isTaskRegisteredAsync(TASK)) await BackgroundTask.unregisterTaskAsync(TASK);
  await saved.set(KEY, on ? '1' : '0');
}
