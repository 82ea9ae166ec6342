/** Admin areas still to be built (MISSION §7); verification, audit and dead letters are live. */
export const adminPlaceholders = ['reconciliation', 'connectorHealth'] as const;
