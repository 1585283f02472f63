/**
 * vanity400/bot: the chat-bot tools (score, explain, search, near, sounds, suggest, hold, release,
 * quote, opening_date, documents, order_status, route_check, route_test), their JSON Schemas of
 * arguments and answers, the instructions for a model, and callTool to run them. Runs in browsers.
 *
 * @module vanity400/bot
 */
export { tools, type ToolDefinition, type ToolHints } from './tools.js';
export { answerSchemas } from './outputs.js';
export { instructions } from './instructions.js';
export type { ToolName } from './schemas.js';
export { callTool, type ToolAnswer, type ToolErrorCode } from './call-tool.js';
export { createBotContext, type BotContext, type BotContextOptions } from './context.js';
export type { OrderStatusView, ToolResults } from './answers.js';
