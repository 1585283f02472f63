/** Node-only inventory code: the journal store and CSV/JSON import and export. */
export { openJournalStore, type JournalStoreOptions } from './journal-store.js';
export { exportInventory, importInventory, type ExportOptions, type ImportOptions, type ImportResult, type InventoryFormat } from './import-export.js';
