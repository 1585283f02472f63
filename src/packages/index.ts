/** Packages (资费套餐), minimum spends and quotes for the customer's traffic. Runs in browsers. */
export { parsePackages, defaultPackages, SETTLEMENT_RATE, TYPICAL_RATE, type MinimumSpend, type Package, type PackageList, type PackageSource } from './packages.js';
export { quote, pricePackage, minimumSpendOf, CALLER_PAYS, type AppliedMinimumSpend, type IneligiblePackage, type PackageQuote, type Quote, type QuoteRequest } from './quote.js';
