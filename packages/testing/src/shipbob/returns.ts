import { type HttpHandler, http } from 'msw';
import { json, problem } from './gate.js';
import type { EndpointContext } from './orders.js';
import type { FakeReturn, FakeReturnAction, FakeReturnStatus } from './state.js';

const ACTIONS: readonly FakeReturnAction[] = ['Default', 'Restock', 'Quarantine', 'Dispose'];
const STATUSES: readonly FakeReturnStatus[] = [
  'AwaitingArrival',
  'Arrived',
  'Processing',
  'Completed',
  'Cancelled',
];

/**
 * A returns-service 422. Since 2026-01 the Returns API answers 422 with `message`, `errors[]`,
 * `details` and `stackTrace` instead of ProblemDetails; the reference names those fields but not
 * the shape of an `errors[]` entry, so the fake sends strings.
 */
export const returnsUnprocessable = (message: string) =>
  json({ message, errors: [message], details: null, stackTrace: null }, 422);

/** Sets a return's status, stamps its date field and appends to its history. */
export function moveReturn(ret: FakeReturn, status: FakeReturnStatus, stamp: string): void {
  ret.status = status;
  if (status === 'Arrived') ret.arrived_date = stamp;
  if (status === 'Processing') ret.processing_date = stamp;
  if (status === 'Completed') ret.completed_date = stamp;
  if (status === 'Cancelled') ret.cancelled_date = stamp;
  ret.status_history.push({ status, timestamp: stamp });
}

interface ReturnBody {
  reference_id?: unknown;
  fulfillment_center?: { id?: unknown };
  inventory?: { id?: unknown; quantity?: unknown; requested_action?: unknown }[];
  original_shipment_id?: unknown;
  tracking_number?: unknown;
}

/**
 * Return orders: `POST /return` (its `reference_id` is unique: a second return with the same one
 * is a 422), `GET /return` cursor-paged (`Cursor`, `Limit`; answers `{ first, items, last, next,
 * prev }`) with the reference's filters, and `GET /return/{id}`.
 */
export function returnHandlers(ctx: EndpointContext): HttpHandler[] {
  const { root, route } = ctx;
  return [
    http.post(
      `${root}/return`,
      route(async (request) => {
        if (!request.headers.get('shipbob_channel_id')) {
          return problem(400, 'Bad Request', {
            shipbob_channel_id: ['The channel id header is required.'],
          });
        }
        const state = ctx.state();
        const body = (await request.json()) as ReturnBody;
        const errors: Record<string, string[]> = {};
        const reference = body.reference_id;
        if (typeof reference !== 'string' || reference.length < 1 || reference.length > 50)
          errors.reference_id = ['reference_id is required and must be 1 to 50 characters.'];
        if (typeof body.fulfillment_center?.id !== 'number')
          errors['fulfillment_center.id'] = ['The fulfillment center id is required.'];
        if (!Array.isArray(body.inventory) || body.inventory.length === 0)
          errors.inventory = ['At least one inventory item is required.'];
        for (const [index, item] of (body.inventory ?? []).entries()) {
          if (!Number.isInteger(item.id)) errors[`inventory[${index}].id`] = ['The id must be an integer.'];
          if (!Number.isInteger(item.quantity) || (item.quantity as number) < 1)
            errors[`inventory[${index}].quantity`] = ['The quantity must be a positive integer.'];
          if (item.requested_action !== undefined && !ACTIONS.includes(item.requested_action as never))
            errors[`inventory[${index}].requested_action`] = [`Must be one of ${ACTIONS.join(', ')}.`];
        }
        if (Object.keys(errors).length > 0) {
          return problem(400, 'One or more validation errors occurred.', errors);
        }
        const referenceId = reference as string;
        const inventory = body.inventory as { id: number; quantity: number; requested_action?: string }[];
        if (state.returnsByReference.has(referenceId)) {
          return returnsUnprocessable(`A return with reference_id "${referenceId}" already exists.`);
        }
        const ids = inventory.map((item) => item.id);
        const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
        if (duplicate !== undefined) {
          return returnsUnprocessable(`Inventory id ${duplicate} is included more than once.`);
        }
        const unknown = ids.find((id) => !state.inventory.some((row) => row.inventory_id === id));
        if (unknown !== undefined) return returnsUnprocessable(`Inventory id ${unknown} does not exist.`);
        const id = state.nextId++;
        const stamp = new Date(ctx.now()).toISOString();
        const channel = Number(request.headers.get('shipbob_channel_id'));
        const centerId = body.fulfillment_center?.id as number;
        const ret: FakeReturn = {
          id,
          reference_id: referenceId,
          status: 'AwaitingArrival',
          return_type: 'Regular',
          channel: { id: channel, name: 'API' },
          fulfillment_center: { id: centerId, name: centerId === 7 ? 'Cicero (IL)' : `FC ${centerId}` },
          original_shipment_id:
            typeof body.original_shipment_id === 'number' ? body.original_shipment_id : null,
          store_order_id: null,
          tracking_number: typeof body.tracking_number === 'string' ? body.tracking_number : null,
          customer_name: null,
          insert_date: stamp,
          awaiting_arrival_date: stamp,
          arrived_date: null,
          processing_date: null,
          completed_date: null,
          cancelled_date: null,
          inventory: inventory.map((item) => {
            const row = state.inventory.find((candidate) => candidate.inventory_id === item.id);
            return {
              id: item.id,
              name: row?.name ?? null,
              sku: row?.sku ?? null,
              quantity: item.quantity,
              action_requested: {
                action: (item.requested_action ?? 'Default') as FakeReturnAction,
                instructions: null,
              },
              action_taken: [],
              lot_information: null,
            };
          }),
          status_history: [{ status: 'AwaitingArrival', timestamp: stamp }],
          transactions: [],
        };
        state.returns.set(id, ret);
        state.returnsByReference.set(referenceId, id);
        return json(ret, 201);
      }),
    ),
    http.get(
      `${root}/return`,
      route((request) => {
        const url = new URL(request.url);
        const query = url.searchParams;
        const list = (name: string) => query.get(name)?.split(',').filter(Boolean);
        const ids = list('Ids')?.map(Number);
        const references = list('ReferenceIds');
        const statuses = list('Status');
        if (statuses?.some((status) => !STATUSES.includes(status as FakeReturnStatus))) {
          return problem(400, 'One or more validation errors occurred.', {
            Status: [`Must be among ${STATUSES.join(', ')}.`],
          });
        }
        const start = query.get('StartDate');
        const end = query.get('EndDate');
        let rows = [...ctx.state().returns.values()];
        if (ids) rows = rows.filter((ret) => ids.includes(ret.id));
        if (references) rows = rows.filter((ret) => references.includes(ret.reference_id));
        if (statuses) rows = rows.filter((ret) => statuses.includes(ret.status));
        if (start) rows = rows.filter((ret) => ret.insert_date >= new Date(start).toISOString());
        if (end) rows = rows.filter((ret) => ret.insert_date <= new Date(end).toISOString());
        const limit = Math.max(1, Math.min(250, Number(query.get('Limit') ?? '25')));
        const offset = Math.max(0, Number(query.get('Cursor') ?? '0'));
        const link = (at: number | null) => {
          if (at === null) return null;
          const next = new URLSearchParams(query);
          next.set('Cursor', String(at));
          next.set('Limit', String(limit));
          return `/${ctx.apiVersion}/return?${next.toString()}`;
        };
        const lastOffset = rows.length === 0 ? 0 : Math.floor((rows.length - 1) / limit) * limit;
        return json({
          first: offset === 0 ? null : link(0),
          items: rows.slice(offset, offset + limit),
          last: offset >= lastOffset ? null : link(lastOffset),
          next: offset + limit < rows.length ? link(offset + limit) : null,
          prev: offset === 0 ? null : link(Math.max(0, offset - limit)),
        });
      }),
    ),
    http.get(
      `${root}/return/:id`,
      route((_request, params) => {
        const ret = ctx.state().returns.get(Number(params.id));
        return ret ? json(ret) : problem(404, 'Not Found');
      }),
    ),
  ];
}
