/**
 * fauxqs 2.4's PersistenceManager.updateMessageReady (called by ChangeMessageVisibility with
 * VisibilityTimeout 0 when a data directory is used) writes NULL into the NOT NULL column
 * approximate_receive_count. The statement throws after the message has left the in-flight map
 * and before it is back in its queue: the call fails with a 500 and the message (and, on a FIFO
 * queue, its group's lock) is stranded until a restart. The replacement only clears the in-flight
 * columns; the receive count and first-receive timestamp persisted at receive time stay.
 */
import type { StatementSync } from 'node:sqlite';
import { loadFauxqsModule, missingMethods, requireInternals } from './fauxqs-package.ts';

interface PersistenceManagerInternals {
  readonly db: { prepare(sql: string): StatementSync };
  updateMessageReady(messageId: string): void;
}

interface PersistenceModule {
  readonly PersistenceManager: { readonly prototype: PersistenceManagerInternals };
}

const INSTALLED = Symbol.for('hojo.fauxqs.persistenceReadyCount');
const CLEAR_INFLIGHT = 'UPDATE sqs_messages SET receipt_handle = NULL, visibility_deadline = NULL WHERE message_id = ?';

export async function installPersistenceReadyFix(): Promise<void> {
  const { module, path, version } = await loadFauxqsModule<PersistenceModule>('./dist/persistence.js');
  requireInternals(version, path, missingMethods('PersistenceManager', module.PersistenceManager?.prototype, ['updateMessageReady']));
  const proto = module.PersistenceManager!.prototype as PersistenceManagerInternals & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const statements = new WeakMap<PersistenceManagerInternals, StatementSync>();
  proto.updateMessageReady = function (this: PersistenceManagerInternals, messageId: string) {
    let statement = statements.get(this);
    if (!statement) {
      statement = this.db.prepare(CLEAR_INFLIGHT);
      statements.set(this, statement);
    }
    statement.run(messageId);
  };
  Object.defineProperty(proto, INSTALLED, { value: true });
}
