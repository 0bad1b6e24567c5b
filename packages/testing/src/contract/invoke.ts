import type { ContractCall, ContractCallOptions, ContractConnector } from './types.js';

type Method = (...args: unknown[]) => unknown;

/**
 * The method `capability.method` of a connector, when it has one.
 *
 * @example
 * const list = methodOf(connector, 'orders.list'); // undefined for a connector without orders
 */
export function methodOf(connector: ContractConnector, operation: string): Method | undefined {
  const [capability, method] = operation.split('.');
  if (capability === undefined || method === undefined) return undefined;
  const holder = (connector as unknown as Record<string, unknown>)[capability];
  if (typeof holder !== 'object' || holder === null) return undefined;
  const fn = (holder as Record<string, unknown>)[method];
  return typeof fn === 'function' ? (fn.bind(holder) as Method) : undefined;
}

/**
 * Makes a call by name: `connector[capability][method](...args, options)`.
 *
 * @example
 * await invoke(connector, { operation: 'inventory.levels' }, { correlationId: 'c1' });
 */
export async function invoke(
  connector: ContractConnector,
  call: ContractCall,
  options: ContractCallOptions,
): Promise<unknown> {
  const method = methodOf(connector, call.operation);
  if (method === undefined) throw new Error(`${connector.system} has no ${call.operation}`);
  return method(...(call.args ?? [{}]), options);
}
