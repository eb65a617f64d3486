// The host's side of the extension SDK's cross-frame RPC ("XDM"), written from the protocol the SDK
// speaks (azure-devops-extension-sdk/esm/XDM.js), not by reusing it, so the SDK is tested against
// an independent implementation.
//
// Wire format (every message is JSON.stringify'd and posted with target "*"):
//   request  {id, instanceId, methodName, params, instanceContext?, serializationSettings?,
//             handshakeToken?}
//   reply    {id, result | error, handshakeToken}   (the token of the request, echoed)
// Functions inside a value travel as {__proxyFunctionId: n, _channelId} and are called back as
// method "proxy<n>" of instance "__proxyFunctions"; Dates travel as {__proxyDate: ms}; cycles as
// {__circularReferenceId: n} on the target and {__circularReference: n} at the back-reference.

type AnyFunction = (...args: unknown[]) => unknown;
type Registered = Record<string, unknown>;

interface RpcMessage {
  id: number;
  instanceId?: string;
  methodName?: string;
  params?: unknown[];
  instanceContext?: unknown;
  serializationSettings?: { includeUnderscoreProperties?: boolean };
  handshakeToken?: string;
  result?: unknown;
  error?: unknown;
}

export interface XdmCallRecord {
  instanceId: string;
  methodName: string;
  /** Milliseconds since the host page started. */
  at: number;
}

export class XdmHostChannel {
  private readonly objects: Record<string, Registered> = {};
  private readonly proxyFunctions: Record<string, AnyFunction> = {};
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: unknown): void }
  >();
  private nextProxyId = 1;
  private nextMessageId = 1;
  /** The token of the SDK instance in the frame; a reloaded frame brings a new one. */
  private handshakeToken: string | undefined;
  /**
   * Every call the frame made (instance and method only: never arguments, which may hold tokens).
   */
  readonly calls: XdmCallRecord[] = [];

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly frameOrigin: string,
  ) {
    window.addEventListener("message", this.onMessage);
  }

  register(instanceId: string, instance: Registered): void {
    this.objects[instanceId] = instance;
  }

  /**
   * A new document in the frame starts a new SDK: forget the old one's proxies and calls in flight.
   */
  reset(): void {
    this.handshakeToken = undefined;
    for (const key of Object.keys(this.proxyFunctions)) delete this.proxyFunctions[key];
    for (const p of this.pending.values()) p.reject(new Error("The frame was reloaded."));
    this.pending.clear();
  }

  /** Calls a method of an object the frame registered (e.g. "DevOps.SdkClient".dispatchEvent). */
  invoke(instanceId: string, methodName: string, params: unknown[]): Promise<unknown> {
    const id = this.nextMessageId++;
    const message: RpcMessage = {
      id,
      instanceId,
      methodName,
      params: this.serialize(params, false) as unknown[],
      handshakeToken: this.handshakeToken,
    };
    const promise = new Promise<unknown>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    this.post(message);
    return promise;
  }

  private readonly onMessage = (event: MessageEvent): void => {
    // Only the framed hub speaks to us, and only from the origin we framed it from.
    if (event.source !== this.frame.contentWindow || event.origin !== this.frameOrigin) return;
    if (typeof event.data !== "string") return;
    let message: RpcMessage;
    try {
      message = JSON.parse(event.data) as RpcMessage;
    } catch {
      return;
    }
    if (!message || typeof message.id !== "number") return;
    if (message.instanceId) {
      if (message.handshakeToken) this.handshakeToken = message.handshakeToken;
      void this.handleRequest(message);
    } else {
      this.handleReply(message);
    }
  };

  private async handleRequest(message: RpcMessage): Promise<void> {
    const instanceId = message.instanceId as string;
    const methodName = message.methodName ?? "";
    this.calls.push({ instanceId, methodName, at: Math.round(performance.now()) });
    const target =
      instanceId === "__proxyFunctions" ? this.proxyFunctions : this.objects[instanceId];
    if (!target) {
      this.replyError(
        message,
        new Error(`The registered object ${instanceId} could not be found.`),
      );
      return;
    }
    if (!methodName) {
      this.replyResult(message, target);
      return;
    }
    const method = target[methodName];
    if (typeof method !== "function") {
      this.replyError(message, new Error("RPC method not found: " + methodName));
      return;
    }
    try {
      const args = this.deserialize(message.params ?? [], {}) as unknown[];
      const result = await (method as AnyFunction).apply(target, args);
      this.replyResult(message, result);
    } catch (e) {
      this.replyError(message, e);
    }
  }

  private handleReply(message: RpcMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.error) pending.reject(this.deserialize(message.error, {}));
    else pending.resolve(this.deserialize(message.result, {}));
  }

  private replyResult(request: RpcMessage, result: unknown): void {
    const underscore = Boolean(request.serializationSettings?.includeUnderscoreProperties);
    this.post({
      id: request.id,
      result: this.serialize(result, underscore),
      handshakeToken: request.handshakeToken,
    });
  }

  private replyError(request: RpcMessage, error: unknown): void {
    // An Error's useful fields are not enumerable; send them as a plain object, as the SDK's side
    // does.
    const e =
      error instanceof Error
        ? { name: error.name, message: error.message, stack: error.stack }
        : error;
    this.post({
      id: request.id,
      error: this.serialize(e, false),
      handshakeToken: request.handshakeToken,
    });
  }

  private post(message: RpcMessage): void {
    this.frame.contentWindow?.postMessage(JSON.stringify(message), "*");
  }

  /** Host value → wire value. Functions become proxies the frame can call back. */
  private serialize(value: unknown, includeUnderscore: boolean, parents: object[] = []): unknown {
    if (typeof value === "function") return this.proxy(value as AnyFunction, undefined);
    if (value === null || typeof value !== "object") return value;
    if (value instanceof Date) return { __proxyDate: value.getTime() };
    if (parents.includes(value)) throw new Error("The test host does not send cyclic values.");
    const nested = [...parents, value];
    if (Array.isArray(value))
      return value.map((item) => this.serialize(item, includeUnderscore, nested));
    const out: Record<string, unknown> = {};
    for (const key of allPropertyNames(value)) {
      if (key.startsWith("_") && !includeUnderscore) continue;
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      out[key] =
        typeof item === "function"
          ? this.proxy(item as AnyFunction, value)
          : this.serialize(item, includeUnderscore, nested);
    }
    return out;
  }

  private proxy(fn: AnyFunction, self: unknown): { __proxyFunctionId: number; _channelId: number } {
    const id = this.nextProxyId++;
    this.proxyFunctions["proxy" + id] = (...args: unknown[]) => fn.apply(self, args);
    return { __proxyFunctionId: id, _channelId: 1 };
  }

  /** Wire value → host value. Proxies become functions that call back into the frame. */
  private deserialize(value: unknown, cycles: Record<number, object>): unknown {
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    if (typeof record.__proxyFunctionId === "number") {
      const name = "proxy" + record.__proxyFunctionId;
      return (...args: unknown[]) => this.invokeProxy(name, args);
    }
    if (typeof record.__proxyDate === "number") return new Date(record.__proxyDate);
    if (typeof record.__circularReference === "number") return cycles[record.__circularReference];
    if (typeof record.__circularReferenceId === "number") {
      cycles[record.__circularReferenceId] = record;
      delete record.__circularReferenceId;
    }
    for (const key of Object.keys(record)) record[key] = this.deserialize(record[key], cycles);
    return record;
  }

  private invokeProxy(name: string, args: unknown[]): Promise<unknown> {
    const id = this.nextMessageId++;
    const promise = new Promise<unknown>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    this.post({
      id,
      instanceId: "__proxyFunctions",
      methodName: name,
      params: this.serialize(args, true) as unknown[],
      serializationSettings: { includeUnderscoreProperties: true },
      handshakeToken: this.handshakeToken,
    });
    return promise;
  }
}

/**
 * Own and inherited property names, as the SDK serializes them (not Object.prototype's, not
 * "constructor").
 */
function allPropertyNames(value: object): string[] {
  const names = new Set<string>();
  for (
    let o: object | null = value;
    o && o !== Object.prototype;
    o = Object.getPrototypeOf(o) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(o)) if (name !== "constructor") names.add(name);
  }
  return [...names];
}
