'use strict';
/**
 * dynalite-transactions: TransactWriteItems / TransactGetItems for dynalite (v4).
 *
 * Self-contained extension, written against dynalite's own internals so it could be
 * offered upstream: every action inside a transaction is validated by dynalite's
 * validators (validations/*.js), staged by dynalite's own action code
 * (actions/putItem.js, updateItem.js, deleteItem.js - including index maintenance)
 * against a snapshot taken under dynalite's per-table item locks, and committed as
 * ONE LevelDB batch (items and secondary-index entries of every table together).
 *
 * Also adds ReturnValuesOnConditionCheckFailure to single-item PutItem / UpdateItem /
 * DeleteItem (dynalite ignores it): a failed condition then carries `Item`.
 *
 * See README.md in this folder for what is and is not implemented.
 */
const crypto = require('node:crypto');
const crc32 = require('buffer-crc32');
const dynalite = require('dynalite');
const db = require('dynalite/db');
const validations = require('dynalite/validations');
const putItemAction = require('dynalite/actions/putItem');
const updateItemAction = require('dynalite/actions/updateItem');
const deleteItemAction = require('dynalite/actions/deleteItem');
const putItemValidation = require('dynalite/validations/putItem');
const updateItemValidation = require('dynalite/validations/updateItem');
const deleteItemValidation = require('dynalite/validations/deleteItem');
const getItemValidation = require('dynalite/validations/getItem');
const conditionParser = require('dynalite/db/conditionParser');

const MAX_REQUEST_BYTES = 16 * 1024 * 1024; // same as dynalite
const MAX_ACTIONS = 100;
const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;
const TOKEN_TTL_MS = 10 * 60 * 1000;
const TYPE_PREFIX = 'com.amazonaws.dynamodb.v20120810#';

exports.createServer = createServer;
exports.install = install;
exports.transactWriteItems = transactWriteItems;
exports.transactGetItems = transactGetItems;

// ---------------------------------------------------------------------------
// Server wiring

/**
 * Creates a dynalite server (not listening yet) whose request handler also serves
 * DynamoDB_20120810.TransactWriteItems and .TransactGetItems.
 * @returns {{ server: import('http').Server, store: object }}
 */
function createServer(options) {
  install();
  let store;
  const origCreate = db.create;
  // dynalite() does not expose its store; capture it while dynalite creates it.
  db.create = function (...args) {
    store = origCreate.apply(this, args);
    return store;
  };
  let server;
  try {
    server = dynalite(options);
  } finally {
    db.create = origCreate;
  }
  const dynaliteHandler = server.listeners('request')[0];
  server.removeAllListeners('request');
  server.on('request', function (req, res) {
    const target = String(req.headers['x-amz-target'] || '');
    if (req.method === 'POST' && target === 'DynamoDB_20120810.TransactWriteItems') return serve(store, req, res, transactWriteItems);
    if (req.method === 'POST' && target === 'DynamoDB_20120810.TransactGetItems') return serve(store, req, res, transactGetItems);
    return dynaliteHandler.call(this, req, res);
  });
  return { server: server, store: store };
}

let installed = false;

/** Process-wide patches of dynalite's single-item API (idempotent). */
function install() {
  if (installed) return;
  installed = true;
  const rvType = { type: 'String', enum: ['ALL_OLD', 'NONE'] };
  // dynalite's checkTypes drops unknown parameters; declare this one so it survives.
  putItemValidation.types.ReturnValuesOnConditionCheckFailure = rvType;
  updateItemValidation.types.ReturnValuesOnConditionCheckFailure = rvType;
  deleteItemValidation.types.ReturnValuesOnConditionCheckFailure = rvType;
  memoizePlainConditions();
  const origCheckConditional = db.checkConditional;
  db.checkConditional = function checkConditional(data, existingItem, ...rest) {
    const err = origCheckConditional.call(this, data, existingItem, ...rest);
    if (err?.body && existingItem && data.ReturnValuesOnConditionCheckFailure === 'ALL_OLD') err.body.Item = existingItem;
    return err;
  };
}

const MAX_MEMOIZED_CONDITIONS = 1000;

/**
 * dynalite parses every ConditionExpression with a PEG parser, for every item of every request:
 * ~11% of the engine's CPU when a batch of postings writes 30+ items each guarded by
 * `attribute_not_exists(pk)`. An expression without ExpressionAttributeNames/Values parses to the
 * same tree every time (the tree is only read afterwards), so that case is parsed once; anything
 * with names or values (whose parse also marks them used) is parsed as before.
 */
function memoizePlainConditions() {
  const parse = conditionParser.parse;
  const parsed = new Map();
  conditionParser.parse = function parsePlainOnce(input, options) {
    const context = options?.context;
    if (!context || context.attrNames != null || context.attrVals != null) return parse.call(this, input, options);
    const key = `${context.isKeyCondition ? 'key' : 'condition'}\u0000${input}`;
    let tree = parsed.get(key);
    if (tree === undefined) {
      tree = parse.call(this, input, options);
      if (parsed.size >= MAX_MEMOIZED_CONDITIONS) parsed.clear();
      parsed.set(key, tree);
    }
    return tree;
  };
}

function serve(store, req, res, action) {
  let chunks = [],
    length = 0,
    tooLarge = false;
  req.on('data', (chunk) => {
    if (tooLarge) return;
    length += chunk.length;
    if (length > MAX_REQUEST_BYTES) {
      tooLarge = true;
      res.statusCode = 413;
      return res.end();
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) return;
    res.setHeader('x-amzn-RequestId', crypto.randomBytes(39).toString('base64').toUpperCase().replace(/\+|\//g, '0'));
    const contentType = String(req.headers['content-type'] || '')
      .split(';')[0]
      .trim();
    const ct = contentType === 'application/json' ? contentType : 'application/x-amz-json-1.0';
    const presigned = new URL(req.url || '/', 'http://localhost').searchParams.has('X-Amz-Algorithm');
    if (!req.headers.authorization && !presigned) {
      return send(res, ct, 400, {
        __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
        message: 'Request is missing Authentication Token',
      });
    }
    let data;
    try {
      data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, ct, 400, { __type: 'com.amazon.coral.service#SerializationException' });
    }
    if (data == null || typeof data !== 'object' || Array.isArray(data))
      return send(res, ct, 400, { __type: 'com.amazon.coral.service#SerializationException' });
    let responded = false;
    function respond(err, result) {
      if (responded) return;
      responded = true;
      if (err?.statusCode) return send(res, ct, err.statusCode, err.body);
      if (err) {
        return send(res, ct, 500, {
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: String(err?.message || err),
        });
      }
      send(res, ct, 200, result);
    }
    try {
      action(store, data, respond);
    } catch (err) {
      respond(err);
    }
  });
}

function send(res, contentType, statusCode, data) {
  const body = JSON.stringify(data);
  res.statusCode = statusCode;
  res.setHeader('x-amz-crc32', crc32.unsigned(body));
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'));
  res.end(body);
}

// ---------------------------------------------------------------------------
// Errors

function apiError(type, msg, extra) {
  const err = new Error(msg);
  err.statusCode = 400;
  err.body = Object.assign({ __type: type, message: msg }, extra);
  return err;
}

function validationError(msg) {
  return apiError('com.amazon.coral.validate#ValidationException', msg);
}

function canceledError(reasons) {
  const msg = `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`;
  const err = new Error(msg);
  err.statusCode = 400;
  err.body = { __type: `${TYPE_PREFIX}TransactionCanceledException`, Message: msg, CancellationReasons: reasons };
  return err;
}

// ---------------------------------------------------------------------------
// Request validation (shared by both operations)

const ACTION_SPECS = {
  ConditionCheck: { validation: deleteItemValidation, keyField: 'Key' },
  Put: { validation: putItemValidation, keyField: 'Item', action: putItemAction },
  Update: { validation: updateItemValidation, keyField: 'Key', action: updateItemAction },
  Delete: { validation: deleteItemValidation, keyField: 'Key', action: deleteItemAction },
  Get: { validation: getItemValidation, keyField: 'Key' },
};

// Parameters of the single-item APIs that transactions do not accept.
const NOT_IN_TRANSACTIONS = [
  'ReturnValues',
  'ReturnConsumedCapacity',
  'ReturnItemCollectionMetrics',
  'Expected',
  'AttributeUpdates',
  'ConditionalOperator',
  'AttributesToGet',
  'ConsistentRead',
];

function validateTransactItems(data, _allowedTypes) {
  const items = data.TransactItems;
  if (items == null)
    return validationError(
      "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null",
    );
  if (!Array.isArray(items)) return apiError('com.amazon.coral.service#SerializationException', 'Unexpected value type in payload');
  if (items.length < 1)
    return validationError(
      "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  if (items.length > MAX_ACTIONS)
    return validationError(
      `1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ACTIONS}`,
    );
  if (data.ReturnConsumedCapacity != null && !~['INDEXES', 'TOTAL', 'NONE'].indexOf(data.ReturnConsumedCapacity))
    return validationError(
      `1 validation error detected: Value '${data.ReturnConsumedCapacity}' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]`,
    );
  if (
    data.ClientRequestToken != null &&
    (typeof data.ClientRequestToken !== 'string' || data.ClientRequestToken.length < 1 || data.ClientRequestToken.length > 36)
  )
    return validationError(
      "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36",
    );
  return null;
}

/**
 * Validates one transaction element with dynalite's validators for the matching
 * single-item API; returns { type, data } (data parsed: _condition, _updates, _projection).
 */
function parseAction(store, element, allowedTypes) {
  const types = element && typeof element === 'object' ? Object.keys(element).filter((k) => element[k] != null) : [];
  if (types.length !== 1 || !~allowedTypes.indexOf(types[0])) {
    if (allowedTypes.length === 1) return { error: validationError('TransactItems can only contain a Get action') };
    return { error: validationError('TransactItems can only contain one of Check, Put, Update or Delete') };
  }
  const type = types[0],
    raw = element[type];
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw))
    return { error: apiError('com.amazon.coral.service#SerializationException', 'Unexpected value type in payload') };
  const rv = raw.ReturnValuesOnConditionCheckFailure;
  if (rv != null && rv !== 'ALL_OLD' && rv !== 'NONE')
    return {
      error: validationError(
        `1 validation error detected: Value '${rv}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`,
      ),
    };
  if (type === 'ConditionCheck' && raw.ConditionExpression == null)
    return {
      error: validationError(
        "1 validation error detected: Value null at 'conditionExpression' failed to satisfy constraint: Member must not be null",
      ),
    };
  if (type === 'Update' && raw.UpdateExpression == null)
    return {
      error: validationError(
        "1 validation error detected: Value null at 'updateExpression' failed to satisfy constraint: Member must not be null",
      ),
    };
  const spec = ACTION_SPECS[type];
  const copy = Object.assign({}, raw);
  NOT_IN_TRANSACTIONS.forEach((k) => {
    delete copy[k];
  });
  delete copy.ReturnValuesOnConditionCheckFailure;
  let parsed;
  try {
    parsed = validations.checkTypes(copy, spec.validation.types);
    validations.checkValidations(parsed, spec.validation.types, spec.validation.custom, store);
  } catch (err) {
    if (err.statusCode) return { error: err };
    throw err;
  }
  parsed.ReturnValuesOnConditionCheckFailure = rv;
  return { type: type, data: parsed };
}

function fetchTables(store, names, cb) {
  let tables = Object.create(null),
    pending = names.length,
    failed = false;
  if (!pending) return cb(null, tables);
  names.forEach((name) => {
    store.getTable(name, true, (err, table) => {
      if (failed) return;
      if (err) {
        failed = true;
        return cb(err);
      }
      tables[name] = table;
      if (!--pending) cb(null, tables);
    });
  });
}

function parseAll(store, data, allowedTypes, cb) {
  const err = validateTransactItems(data, allowedTypes);
  if (err) return cb(err);
  const actions = [];
  for (let i = 0; i < data.TransactItems.length; i++) {
    const parsed = parseAction(store, data.TransactItems[i], allowedTypes);
    if (parsed.error) return cb(parsed.error);
    actions.push(parsed);
  }
  const names = Array.from(new Set(actions.map((a) => a.data.TableName)));
  fetchTables(store, names, (err, tables) => {
    if (err) return cb(err);
    const seen = new Set();
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i],
        table = tables[a.data.TableName];
      a.table = table;
      let invalid = a.type === 'Put' ? db.validateItem(a.data.Item, table) : db.validateKey(a.data.Key, table);
      if (!invalid && a.type === 'Update') invalid = db.validateUpdates(null, a.data._updates, table);
      if (!invalid && a.data._condition) invalid = db.validateKeyPaths(a.data._condition.nestedPaths, table);
      if (invalid) return cb(invalid);
      a.key = db.createKey(a.data[ACTION_SPECS[a.type].keyField], table);
      const id = `${a.data.TableName}\u0000${a.key}`;
      if (seen.has(id)) return cb(validationError('Transaction request cannot include multiple operations on one item'));
      seen.add(id);
    }
    cb(null, actions);
  });
}

// ---------------------------------------------------------------------------
// Locking: dynalite's per-table `lock` instances. All keys of the transaction are
// enqueued synchronously (one multi-key lock call per table, tables and keys sorted),
// so every pair of lockers meets in the same order in every queue: no deadlock, and
// no interleaving with single-item writes, which lock the same per-table keys.

function lockAll(store, actions, cb) {
  const byTable = Object.create(null);
  actions.forEach((a) => {
    if (!byTable[a.data.TableName]) byTable[a.data.TableName] = [];
    byTable[a.data.TableName].push(a.key);
  });
  let names = Object.keys(byTable).sort(),
    pending = names.length,
    releasers = [];
  names.forEach((name) => {
    const itemDb = store.getItemDb(name);
    itemDb.lock(byTable[name].sort(), (release) => {
      releasers.push(release);
      if (!--pending) {
        // unlockAll(done) returns a callback that releases every key, then calls done.
        cb(function unlockAll(done) {
          return (...args) => {
            releasers.forEach((r) => {
              r(() => {})();
            });
            done.apply(null, args);
          };
        });
      }
    });
  });
}

function readItems(store, actions, cb) {
  let snapshot = new Array(actions.length),
    pending = actions.length,
    failed = false;
  actions.forEach((a, i) => {
    store.getItemDb(a.data.TableName).get(a.key, (err, item) => {
      if (failed) return;
      if (err && err.name !== 'NotFoundError') {
        failed = true;
        return cb(err);
      }
      snapshot[i] = item || undefined;
      if (!--pending) cb(null, snapshot);
    });
  });
}

// ---------------------------------------------------------------------------
// TransactWriteItems

const tokenStores = new WeakMap();

function tokensFor(store) {
  let tokens = tokenStores.get(store);
  if (!tokens) {
    tokens = new Map();
    tokenStores.set(store, tokens);
  }
  // Finished tokens are (re)inserted when they finish, with the same TTL, so the map holds them in
  // expiry order behind at most a few pending ones: sweep from the front up to the first live token
  // instead of scanning every token of the last ten minutes on every transaction.
  const now = Date.now();
  for (const [token, entry] of tokens) {
    if (entry.expiresAt == null) continue;
    if (entry.expiresAt > now) break;
    tokens.delete(token);
  }
  return tokens;
}

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] != null)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function transactWriteItems(store, data, cb) {
  let token = data.ClientRequestToken,
    tokens,
    fingerprint;
  parseAll(store, data, ['ConditionCheck', 'Put', 'Update', 'Delete'], (err, actions) => {
    if (err) return cb(err);

    const size = actions.reduce(
      (sum, a) =>
        sum +
        db.itemSize(a.data.Item || a.data.Key) +
        (a.data.ExpressionAttributeValues ? db.itemSize(a.data.ExpressionAttributeValues) : 0),
      0,
    );
    if (size > MAX_TRANSACTION_BYTES) return cb(validationError('Transaction request cannot be larger than 4 MB'));

    if (token != null) {
      tokens = tokensFor(store);
      fingerprint = crypto.createHash('sha256').update(canonical(data.TransactItems)).digest('hex');
      const previous = tokens.get(token);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          return cb(
            apiError(`${TYPE_PREFIX}IdempotentParameterMismatchException`, 'Request token is already in use with different parameters'),
          );
        }
        if (previous.state === 'pending') {
          return cb(
            apiError(`${TYPE_PREFIX}TransactionInProgressException`, 'The transaction with the given request token is already in progress'),
          );
        }
        return replay(store, data, actions, cb);
      }
      tokens.set(token, { fingerprint: fingerprint, state: 'pending', expiresAt: null });
    }

    function finish(err, result) {
      if (token != null) {
        if (err) tokens.delete(token);
        else {
          tokens.delete(token);
          tokens.set(token, { fingerprint: fingerprint, state: 'done', expiresAt: Date.now() + TOKEN_TTL_MS });
        }
      }
      cb(err, result);
    }

    lockAll(store, actions, (unlockAll) => {
      const done = unlockAll(finish);
      readItems(store, actions, (err, snapshot) => {
        if (err) return done(err);
        stageAll(store, actions, snapshot, (err, staged) => {
          if (err) return done(err);
          const reasons = staged.map((s) => s.reason);
          if (reasons.some((r) => r.Code !== 'None')) return done(canceledError(reasons));
          commit(store, staged, (err) => {
            if (err) return done(err);
            const result = {};
            const capacity = writeCapacity(data, actions, snapshot, staged);
            if (capacity) result.ConsumedCapacity = capacity;
            done(null, result);
          });
        });
      });
    });
  });
}

/** Runs each action with dynalite's own action code against the snapshot, recording writes. */
function stageAll(store, actions, snapshot, cb) {
  let staged = new Array(actions.length),
    pending = actions.length,
    failed = false;
  actions.forEach((a, i) => {
    const existing = snapshot[i];
    const onDone = (err) => {
      if (failed) return;
      if (!staged[i]) staged[i] = { ops: [], newItem: undefined };
      const entry = staged[i];
      if (err && !err.statusCode) {
        failed = true;
        return cb(err);
      }
      if (err) {
        const type = err.body?.__type || '';
        if (/ConditionalCheckFailedException$/.test(type)) {
          entry.reason = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' };
          if (existing && a.data.ReturnValuesOnConditionCheckFailure === 'ALL_OLD') entry.reason.Item = existing;
        } else {
          entry.reason = { Code: 'ValidationError', Message: err.body?.message || err.message };
        }
        entry.ops = [];
      } else {
        entry.reason = { Code: 'None' };
      }
      if (!--pending) cb(null, staged);
    };
    if (a.type === 'ConditionCheck') {
      staged[i] = { ops: [], newItem: existing };
      onDone(db.checkConditional(a.data, existing));
      return;
    }
    const entry = { ops: [], newItem: undefined };
    staged[i] = entry;
    const data = Object.assign({}, a.data, { ReturnValues: 'NONE', ReturnConsumedCapacity: 'NONE' });
    delete data.ReturnValuesOnConditionCheckFailure;
    ACTION_SPECS[a.type].action(stagingStore(store, a.table, existing, entry), data, onDone);
  });
}

/**
 * A view of the store for one action: reads see the locked snapshot, writes (item and
 * index entries, via dynalite's db.updateIndexes) are recorded instead of applied.
 */
function stagingStore(store, table, existing, entry) {
  function recorder(subDb, isItemDb) {
    return {
      lock: (_key, fn) => {
        fn((cb) => cb);
      },
      get: (_key, cb) => {
        queueMicrotask(() => {
          cb(null, existing);
        });
      },
      put: (key, value, cb) => {
        entry.ops.push({ subDb: subDb, op: { type: 'put', key: key, value: value } });
        if (isItemDb) entry.newItem = value;
        queueMicrotask(() => {
          cb(null);
        });
      },
      del: (key, cb) => {
        entry.ops.push({ subDb: subDb, op: { type: 'del', key: key } });
        if (isItemDb) entry.newItem = null;
        queueMicrotask(() => {
          cb(null);
        });
      },
    };
  }
  return {
    options: store.options,
    getTable: (_name, checkStatus, cb) => {
      if (typeof checkStatus === 'function') cb = checkStatus;
      cb(null, table);
    },
    getItemDb: (name) => recorder(store.getItemDb(name), true),
    getIndexDb: (indexType, tableName, indexName) => recorder(store.getIndexDb(indexType, tableName, indexName), false),
  };
}

/**
 * Writes all staged operations as one LevelDB batch. dynalite's sub-databases are
 * key-prefix views over one LevelDB whose batch() prefixes keys and forwards to the
 * main db synchronously; we collect those forwarded (prefixed) operations instead of
 * re-implementing the key layout, then submit them in a single atomic batch.
 */
function commit(store, staged, cb) {
  const bySubDb = new Map();
  staged.forEach((s) => {
    s.ops.forEach((o) => {
      if (!bySubDb.has(o.subDb)) bySubDb.set(o.subDb, []);
      bySubDb.get(o.subDb).push(o.op);
    });
  });
  if (!bySubDb.size) return cb();
  const mainDb = store.db,
    realBatch = mainDb.batch,
    all = [];
  mainDb.batch = (ops) => {
    all.push.apply(all, ops);
  };
  try {
    bySubDb.forEach((ops, subDb) => {
      subDb.batch(ops, () => {});
    });
  } finally {
    mainDb.batch = realBatch;
  }
  mainDb.batch(all, cb);
}

// ---------------------------------------------------------------------------
// Capacity (transactional cost: 2 units per KB written / per 4 KB read)

function units(item, perKb) {
  return item ? Math.ceil(db.itemSize(item) / 1024 / perKb) : 1;
}

function writeCapacity(data, actions, snapshot, staged) {
  if (!~['TOTAL', 'INDEXES'].indexOf(data.ReturnConsumedCapacity)) return undefined;
  const perTable = new Map();
  actions.forEach((a, i) => {
    const old = snapshot[i],
      neu = staged[i].newItem;
    let c = perTable.get(a.data.TableName);
    if (!c) {
      c = { table: 0, gsi: Object.create(null), lsi: Object.create(null) };
      perTable.set(a.data.TableName, c);
    }
    c.table += 2 * Math.max(units(old, 1), a.type === 'ConditionCheck' ? 1 : units(neu, 1));
    if (a.type === 'ConditionCheck') return;
    [
      ['GlobalSecondaryIndexes', c.gsi],
      ['LocalSecondaryIndexes', c.lsi],
    ].forEach((pair) => {
      (a.table[pair[0]] || []).forEach((index) => {
        const u = indexWriteUnits(index, old, neu || undefined, a.table);
        if (u) pair[1][index.IndexName] = (pair[1][index.IndexName] || 0) + u;
      });
    });
  });
  return Array.from(perTable.entries()).map((entry) => {
    const name = entry[0],
      c = entry[1];
    const indexTotal = sum(c.gsi) + sum(c.lsi);
    const out = { TableName: name, CapacityUnits: c.table + indexTotal, WriteCapacityUnits: c.table + indexTotal };
    if (data.ReturnConsumedCapacity === 'INDEXES') {
      out.Table = { CapacityUnits: c.table, WriteCapacityUnits: c.table };
      if (Object.keys(c.gsi).length) out.GlobalSecondaryIndexes = capacityMap(c.gsi, 'WriteCapacityUnits');
      if (Object.keys(c.lsi).length) out.LocalSecondaryIndexes = capacityMap(c.lsi, 'WriteCapacityUnits');
    }
    return out;
  });
}

/** Standard (non-transactional) index write cost, as DynamoDB charges index propagation. */
function indexWriteUnits(index, oldItem, newItem, table) {
  const before = oldItem && db.getIndexActions([index], null, oldItem, table).puts[0];
  const after = newItem && db.getIndexActions([index], null, newItem, table).puts[0];
  if (!before && !after) return 0;
  if (!before) return units(after.item, 1);
  if (!after) return units(before.item, 1);
  if (before.key !== after.key) return units(before.item, 1) + units(after.item, 1);
  if (canonical(before.item) === canonical(after.item)) return 0;
  return Math.max(units(before.item, 1), units(after.item, 1));
}

function sum(obj) {
  return Object.keys(obj).reduce((s, k) => s + obj[k], 0);
}

function capacityMap(obj, field) {
  return Object.keys(obj).reduce((out, k) => {
    out[k] = { CapacityUnits: obj[k] };
    out[k][field] = obj[k];
    return out;
  }, {});
}

/** A retried token: no changes; DynamoDB charges reading the items (2 units per 4 KB). */
function replay(store, data, actions, cb) {
  if (!~['TOTAL', 'INDEXES'].indexOf(data.ReturnConsumedCapacity)) return cb(null, {});
  readItems(store, actions, (err, snapshot) => {
    if (err) return cb(err);
    cb(null, { ConsumedCapacity: readCapacity(data, actions, snapshot) });
  });
}

function readCapacity(data, actions, snapshot) {
  const perTable = new Map();
  actions.forEach((a, i) => {
    perTable.set(a.data.TableName, (perTable.get(a.data.TableName) || 0) + 2 * units(snapshot[i], 4));
  });
  return Array.from(perTable.entries()).map((entry) => {
    const out = { TableName: entry[0], CapacityUnits: entry[1], ReadCapacityUnits: entry[1] };
    if (data.ReturnConsumedCapacity === 'INDEXES') out.Table = { CapacityUnits: entry[1], ReadCapacityUnits: entry[1] };
    return out;
  });
}

// ---------------------------------------------------------------------------
// TransactGetItems

function transactGetItems(store, data, cb) {
  parseAll(store, data, ['Get'], (err, actions) => {
    if (err) return cb(err);
    lockAll(store, actions, (unlockAll) => {
      const done = unlockAll(cb);
      readItems(store, actions, (err, snapshot) => {
        if (err) return done(err);
        const result = {
          Responses: actions.map((a, i) => {
            let item = snapshot[i];
            if (!item) return {};
            if (a.data._projection) item = db.mapPaths(a.data._projection.paths, item);
            return { Item: item };
          }),
        };
        if (~['TOTAL', 'INDEXES'].indexOf(data.ReturnConsumedCapacity)) result.ConsumedCapacity = readCapacity(data, actions, snapshot);
        done(null, result);
      });
    });
  });
}
