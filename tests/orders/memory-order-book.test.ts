import { MemoryStore } from '../../src/inventory/memory-store.js';
import { MemoryOrderBook } from '../../src/orders/memory-order-book.js';
import { orderStoreContract } from './order-store-contract.js';

orderStoreContract('MemoryOrderBook', ({ now }) => {
  const inventory = new MemoryStore({ now });
  return { inventory, orders: new MemoryOrderBook({ inventory, now }) };
});
