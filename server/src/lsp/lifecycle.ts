import {
  createServerSocketTransport, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter,
  type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter, type NotificationMessage, type RequestMessage,
} from 'vscode-languageserver/node';

/** JSON-RPC error codes the LSP lifecycle prescribes. */
const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;

type Phase = 'waiting-for-initialize' | 'running' | 'shut-down';

const isRequest = (message: Message): message is RequestMessage => 'method' in message && 'id' in message && (message as RequestMessage).id !== undefined;
const isNotification = (message: Message): message is NotificationMessage => 'method' in message && !('id' in message && (message as RequestMessage).id !== undefined);

/**
 * Stands between the transport and the connection and enforces the LSP lifecycle, which the library leaves
 * to the server: before `initialize`, a request is answered with ServerNotInitialized and a notification is
 * dropped (`exit` excepted); a second `initialize` is an invalid request; after `shutdown`, every request
 * but `exit` is an invalid request and notifications are dropped. Handlers therefore never run on an
 * uninitialised server (a `didOpen` sent first used to fail on settings not yet there).
 */
export class LifecycleGuard implements MessageReader {
  private phase: Phase = 'waiting-for-initialize';

  constructor(private readonly reader: MessageReader, private readonly writer: MessageWriter) {}

  get shutDown(): boolean {
    return this.phase === 'shut-down';
  }

  get onError() { return this.reader.onError; }
  get onClose() { return this.reader.onClose; }
  get onPartialMessage() { return this.reader.onPartialMessage; }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message) => { if (this.admits(message)) callback(message); });
  }

  dispose(): void {
    this.reader.dispose();
  }

  private admits(message: Message): boolean {
    const method = (message as RequestMessage).method;
    if (method === 'exit') return true;
    if (isRequest(message)) {
      if (this.phase === 'waiting-for-initialize') {
        if (method === 'initialize') { this.phase = 'running'; return true; }
        return this.refuse(message, SERVER_NOT_INITIALIZED, `the server is not initialized: send "initialize" before "${method}"`);
      }
      if (this.phase === 'shut-down') return this.refuse(message, INVALID_REQUEST, `the server is shut down: "${method}" is refused; send "exit"`);
      if (method === 'initialize') return this.refuse(message, INVALID_REQUEST, 'the server is already initialized');
      if (method === 'shutdown') this.phase = 'shut-down';
      return true;
    }
    if (isNotification(message)) return this.phase === 'running';
    return true; // a response to one of the server's own requests
  }

  private refuse(request: RequestMessage, code: number, message: string): false {
    void this.writer.write({ jsonrpc: '2.0', id: request.id, error: { code, message } } as Message).catch(() => undefined);
    return false;
  }
}

/** The transport the command line names (--stdio, --node-ipc, --socket=PORT), with the lifecycle enforced on it. */
export function guardedTransport(argv: readonly string[]): { reader: LifecycleGuard; writer: MessageWriter; stdio: boolean } {
  let reader: MessageReader;
  let writer: MessageWriter;
  const socket = argv.find((argument) => argument.startsWith('--socket'));
  const ipc = argv.includes('--node-ipc');
  const stdio = !ipc && !socket;
  if (ipc) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (socket) {
    const port = Number(socket.includes('=') ? socket.split('=')[1] : argv[argv.indexOf(socket) + 1]);
    [reader, writer] = createServerSocketTransport(port);
  } else {
    reader = new StreamMessageReader(process.stdin);
    writer = new StreamMessageWriter(process.stdout);
  }
  const guard = new LifecycleGuard(reader, writer);
  if (stdio) {
    // What the library does for a stdio connection it opens itself: the client going away ends the server.
    const end = () => process.exit(guard.shutDown ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
  }
  return { reader: guard, writer, stdio };
}
