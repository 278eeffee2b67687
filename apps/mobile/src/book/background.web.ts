/** Browsers have no background tasks: the web build syncs while the page is open. */
export const backgroundSyncSupported = false;
export const isBackgroundSyncOn = async () => false;
export async function setBackgroundSync(_on: boolean): Promise<void> {}
