// pinyin-pro's data modules (its package exports ./dist/*), which han-readings.ts loads on their own; it checks their shape when it does.
declare module 'pinyin-pro/dist/esm/data/dict1.mjs' {
  const table: unknown;
  export default table;
}
declare module 'pinyin-pro/dist/esm/data/patterns.mjs' {
  export const PatternsNormal: { zh: string; pinyin: string }[];
}
