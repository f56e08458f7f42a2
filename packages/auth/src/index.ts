export { createOperatorAuth } from "./createOperatorAuth.ts";
export type { OperatorAuth, OperatorAuthOptions } from "./createOperatorAuth.ts";
export {
  addOperator,
  listOperators,
  OPERATOR_ROLE,
  removeOperator,
} from "./operatorAccounts.ts";
export type { OperatorAccount } from "./operatorAccounts.ts";
export { readOperatorSession } from "./operatorSession.ts";
export type { OperatorSession } from "./operatorSession.ts";
