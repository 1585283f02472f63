/** Node-only inventory code: the journal store and CSV/JSON import and export. */
export { openJournalStore, type JournalStoreOptions } from './journal-store.js';
export { exportInventory, importInventory, type ImportOptions, type ImportResult } from './import-export.js';
