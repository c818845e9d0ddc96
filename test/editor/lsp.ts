import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * A minimal editor: starts the real yaml-language-server over stdio and speaks the Language
 * Server Protocol to it as VS Code does (JSON-RPC messages with Content-Length headers).
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}
export interface Diagnostic {
  readonly range: { readonly start: Position; readonly end: Position };
  readonly message: string;
  readonly severity?: number;
}
export interface CompletionItem {
  readonly label: string;
  readonly documentation?: string | { readonly value: string };
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

const SETTINGS = { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false }, format: { enable: false } } };

const SERVER = join(dirname(createRequire(import.meta.url).resolve("yaml-language-server/package.json")), "bin", "yaml-language-server");

export class LanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiting: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];

  constructor() {
    this.child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.resume();
  }

  /** The `yaml` settings the editor gives the server: the defaults above, and what a workspace adds (`yaml.schemas`). */
  private settings: Record<string, unknown> = SETTINGS.yaml;

  async start(rootUri: string, yaml: Record<string, unknown> = {}): Promise<void> {
    this.settings = { ...SETTINGS.yaml, ...yaml };
    await this.request("initialize", {
      processId: process.pid,
      rootUri,
      capabilities: {
        textDocument: {
          completion: { completionItem: { documentationFormat: ["plaintext"] } },
          hover: { contentFormat: ["plaintext"] },
          publishDiagnostics: {},
        },
        workspace: { configuration: true },
      },
    });
    this.notify("initialized", {});
    this.notify("workspace/didChangeConfiguration", { settings: { yaml: this.settings } });
  }

  /** Opens a document and waits for the diagnostics the server publishes for it. */
  open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = new Promise<Diagnostic[]>((resolve) => this.waiting.push({ uri, resolve }));
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return published;
  }

  async complete(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = (await this.request("textDocument/completion", { textDocument: { uri }, position })) as { items: CompletionItem[] } | CompletionItem[] | null;
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  }

  async hover(uri: string, position: Position): Promise<string> {
    const result = (await this.request("textDocument/hover", { textDocument: { uri }, position })) as { contents: { value: string } | string } | null;
    if (result === null) return "";
    return typeof result.contents === "string" ? result.contents : result.contents.value;
  }

  async stop(): Promise<void> {
    await this.request("shutdown", null).catch(() => undefined);
    this.notify("exit", null);
    this.child.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error !== undefined ? reject(new Error(message.error.message)) : resolve(message.result)));
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString("ascii"))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    if (message.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      const index = this.waiting.findIndex((w) => w.uri === uri);
      if (index >= 0) this.waiting.splice(index, 1)[0]!.resolve(diagnostics);
      return;
    }
    // Requests from the server (configuration, capability registration): answer so it goes on.
    if (message.id !== undefined && message.method !== undefined) {
      const result =
        message.method === "workspace/configuration"
          ? (message.params as { items: { section?: string }[] }).items.map((item) => (item.section === "yaml" ? this.settings : null))
          : null;
      this.send({ jsonrpc: "2.0", id: message.id, result });
    }
  }
}
