/** Node-only inventory code: CSV/JSON import and export, and moving old journal files into a store. */
export { readJournal, migrateJournal } from './journal.js';
export { exportInventory, importInventory, readInventoryFile, type ExportOptions, type ImportOptions, type ImportResult, type InventoryFormat } from './import-export.js';
