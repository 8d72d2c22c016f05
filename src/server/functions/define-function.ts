import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { auditTrail } from './audit-trail';
import { AppError, type Envelope, type ErrorIssue } from '../../shared/errors';
import { isAllowed, isVisitorAction, PERMISSIONS, type ActionName } from '../../shared/domain/permissions';
import type { Runtime } from '../ports';
import { getRuntime } from '../runtime';
import type { ActionContext, VisitorContext } from '../use-cases/context';

z.config(zhCN());

interface ActionSpec {
  input: z.ZodType;
  output: z.ZodType;
}

type MemberHandler<S extends ActionSpec> = (context: ActionContext, input: z.output<S['input']>) => Promise<z.input<S['output']>>;
type VisitorHandler<S extends ActionSpec> = { visitor: (context: VisitorContext, input: z.output<S['input']>) => Promise<z.input<S['output']>> };

export type Handlers<C extends Record<string, ActionSpec>> = {
  [A in keyof C]: MemberHandler<C[A]> | VisitorHandler<C[A]>;
};

/** Marks a handler callable by WeChat users who have not joined a community yet; the permission table must say 'visitor' too. */
export function forVisitors<I, O>(run: (context: VisitorContext, input: I) => Promise<O>): { visitor: (context: VisitorContext, input: I) => Promise<O> } {
  return { visitor: run };
}

export type CloudMain = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

const zEvent = z.object({ action: z.string().max(64), data: z.unknown().optional() });

/** Outputs are checked against the contract under test, so a drifting shape fails loudly there and costs nothing in production. */
const CHECK_OUTPUTS = process.env.NODE_ENV === 'test';

/**
 * A cloud function's `main`: reads `{ action, data }`, identifies the caller from the platform
 * context, checks the permission table and the input schema, runs the use case, and answers
 * with the envelope. The same function object is what the local host mounts.
 */
export function defineFunction<C extends Record<string, ActionSpec>>(name: string, contract: C, handlers: Handlers<C>): CloudMain {
  return async function main(event, context) {
    let runtime: Runtime | null = null;
    try {
      runtime = getRuntime();
      const parsedEvent = zEvent.safeParse(event);
      if (!parsedEvent.success) throw new AppError('VALIDATION_FAILED', '请求格式不正确', toIssues(parsedEvent.error));
      const { action, data } = parsedEvent.data;
      if (!Object.prototype.hasOwnProperty.call(contract, action)) throw new AppError('NOT_FOUND', `未知的操作：${action}`);
      const actionName = `${name}.${action}` as ActionName;

      const openid = await runtime.identify(event, context);
      if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录');
      const caller = await runtime.store.read((tx) => tx.users.getByOpenid(openid));
      const handler = handlers[action];
      const visitor = typeof handler === 'object' && isVisitorAction(actionName);
      if (!visitor && !caller) throw new AppError('UNAUTHENTICATED', '请先扫描社区二维码加入社区');
      if (!(actionName in PERMISSIONS) || (caller && !isAllowed(actionName, caller.roles))) {
        throw new AppError('FORBIDDEN', '您没有权限进行此操作');
      }

      const spec = contract[action];
      const input = spec.input.safeParse(data ?? {});
      if (!input.success) throw new AppError('VALIDATION_FAILED', firstMessage(input.error), toIssues(input.error));

      const trail = auditTrail(runtime, caller, actionName, input.data);
      const acting = trail?.runtime ?? runtime;
      let output: unknown;
      if (typeof handler === 'object') {
        output = await (handler.visitor as (context: VisitorContext, input: unknown) => Promise<unknown>)({ runtime: acting, caller, openid }, input.data);
      } else if (caller) {
        output = await (handler as (context: ActionContext, input: unknown) => Promise<unknown>)({ runtime: acting, caller, openid }, input.data);
      }
      await trail?.settle();
      if (CHECK_OUTPUTS) {
        const checked = spec.output.safeParse(output);
        if (!checked.success) throw new Error(`${actionName} output does not match its contract: ${checked.error.message}`);
      }
      return { ok: true, data: output };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      runtime?.log('error', `${name} failed`, error);
      if (!runtime) console.error(error);
      return { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } };
    }
  };
}

function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), message: issue.message }));
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? '输入有误，请检查后重试';
}
