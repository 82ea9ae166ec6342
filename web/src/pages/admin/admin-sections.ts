/** Admin areas still to be built (MISSION §7); audit and dead letters are live already. */
export const adminPlaceholders = ['verificationQueue', 'reconciliation', 'connectorHealth'] as const;
