// PROTOCOL STAND-IN for Tencent CMQ (TDMQ for CMQ), for the tests of core/remote/CmqQueue only.
//
// No CMQ server exists outside Tencent's cloud, so this small server implements the documented
// data-plane actions the client uses, with the documented semantics, and checks every request's
// signature the way Tencent documents it. It is not Tencent's software and not a complete CMQ.
//
//   node tests/servers/cmq-standin.mjs [PORT]
//
// Listens on 127.0.0.1 (PORT, or a free port when 0 or missing) and prints the port as one line
// once it accepts connections. Plain node, no npm packages. Stops on SIGTERM/SIGINT or when its
// standard input closes.
//
// Protocol: POST /v2/index.php, form-encoded parameters, JSON answers {code, message, requestId}.
// Signature: source = "POST" + Host header + path + "?" + every parameter except Signature as
// k=v (keys sorted, '_' in keys written as '.', values not URL-encoded), HMAC with the secret key
// (SignatureMethod HmacSHA1 or HmacSHA256), base64. Timestamp must be within 300 s of now.
// Credentials: CMQ_STANDIN_SECRET_ID / CMQ_STANDIN_SECRET_KEY, or the test defaults below.
//
// Actions: CreateQueue (visibilityTimeout, pollingWaitSeconds, deadLetterPolicy JSON
// {deadLetterQueue, policy: 0, maxReceiveCount}), GetQueueAttributes, SendMessage,
// BatchSendMessage (msgBody.n), ReceiveMessage, BatchReceiveMessage (numOfMsg), DeleteMessage,
// BatchDeleteMessage (receiptHandle.n). Codes: 0 ok, 4000 bad parameter, 4100 authentication
// failed, 4430 invalid receipt handle, 4440 queue does not exist, 4460 queue exists, 6010 batch
// delete partly failed (errorList), 7000 no message.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const SECRET_ID = process.env.CMQ_STANDIN_SECRET_ID ?? "AKIDcmqstandin0000000000000000000000";
const SECRET_KEY = process.env.CMQ_STANDIN_SECRET_KEY ?? "cmq-standin-secret-key-0123456789";
const PATH = "/v2/index.php";

const queues = new Map(); // name -> { visibilityTimeout, pollingWaitSeconds, deadLetter, messages }

class CmqError extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.code = code;
    this.extra = extra;
  }
}

function verifySignature(host, params) {
  const given = params.get("Signature");
  const method = params.get("SignatureMethod") ?? "HmacSHA1";
  if (!given) throw new CmqError(4100, "(10100)Signature is missing");
  if (params.get("SecretId") !== SECRET_ID) throw new CmqError(4100, "(10104)unknown SecretId");
  const timestamp = Number(params.get("Timestamp"));
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300)
    throw new CmqError(4100, "(10105)Timestamp expired");
  if (!(Number(params.get("Nonce")) > 0)) throw new CmqError(4100, "(10106)Nonce is missing");
  const pairs = [];
  for (const [key, value] of params) {
    if (key !== "Signature") pairs.push([key.replaceAll("_", "."), value]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const source = `POST${host}${PATH}?` + pairs.map(([k, v]) => `${k}=${v}`).join("&");
  const algorithm = { HmacSHA1: "sha1", HmacSHA256: "sha256" }[method];
  if (!algorithm) throw new CmqError(4100, `(10107)unknown SignatureMethod ${method}`);
  const expected = Buffer.from(createHmac(algorithm, SECRET_KEY).update(source).digest("base64"));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new CmqError(4100, "(10104)signature does not match");
}

function queueOf(params) {
  const name = params.get("queueName");
  if (!name) throw new CmqError(4000, "(10010)queueName is missing");
  const queue = queues.get(name);
  if (!queue) throw new CmqError(4440, `(10110)queue ${name} is not exist`);
  return queue;
}

function intParam(params, name, fallback, min, max) {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new CmqError(4000, `(10020)${name} must be an integer in [${min}, ${max}]`);
  return value;
}

function enqueue(queue, body, delaySeconds) {
  const now = Date.now();
  const message = {
    msgId: randomUUID(),
    msgBody: body,
    enqueueTime: Math.floor(now / 1000),
    visibleAt: now + delaySeconds * 1000,
    dequeueCount: 0,
    firstDequeueTime: 0,
    receiptHandle: null,
  };
  queue.messages.push(message);
  return message.msgId;
}

// Hands out up to `count` visible messages, moving those received too often to the dead-letter
// queue first (policy 0: maxReceiveCount receives without a delete).
function take(queue, count) {
  const now = Date.now();
  const out = [];
  for (const message of [...queue.messages]) {
    if (out.length >= count) break;
    if (message.visibleAt > now) continue;
    const dead = queue.deadLetter;
    if (dead && message.dequeueCount >= dead.maxReceiveCount && queues.has(dead.queueName)) {
      queue.messages.splice(queue.messages.indexOf(message), 1);
      Object.assign(message, { visibleAt: now, receiptHandle: null, dequeueCount: 0 });
      queues.get(dead.queueName).messages.push(message);
      continue;
    }
    message.dequeueCount += 1;
    if (!message.firstDequeueTime) message.firstDequeueTime = Math.floor(now / 1000);
    message.receiptHandle = randomUUID();
    message.visibleAt = now + queue.visibilityTimeout * 1000;
    out.push({
      msgId: message.msgId,
      msgBody: message.msgBody,
      receiptHandle: message.receiptHandle,
      enqueueTime: message.enqueueTime,
      nextVisibleTime: Math.floor(message.visibleAt / 1000),
      dequeueCount: message.dequeueCount,
      firstDequeueTime: message.firstDequeueTime,
    });
  }
  return out;
}

async function receive(queue, params, count) {
  const wait = intParam(params, "pollingWaitSeconds", queue.pollingWaitSeconds, 0, 30);
  const deadline = Date.now() + wait * 1000;
  for (;;) {
    const got = take(queue, count);
    if (got.length > 0 || Date.now() >= deadline) return got;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function removeByHandle(queue, handle) {
  const index = queue.messages.findIndex((m) => handle && m.receiptHandle === handle);
  if (index < 0) return false;
  queue.messages.splice(index, 1);
  return true;
}

function numbered(params, prefix) {
  return [...params.keys()]
    .filter((key) => key.startsWith(prefix + ".") || key.startsWith(prefix + "_"))
    .sort((a, b) => Number(a.slice(prefix.length + 1)) - Number(b.slice(prefix.length + 1)))
    .map((key) => params.get(key));
}

const actions = {
  CreateQueue(params) {
    const name = params.get("queueName");
    if (!name || !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(name))
      throw new CmqError(4000, "(10010)invalid queueName");
    if (queues.has(name)) throw new CmqError(4460, `(10220)queue ${name} is already existed`);
    let deadLetter = null;
    const policy = params.get("deadLetterPolicy");
    if (policy) {
      const parsed = JSON.parse(policy);
      if (!queues.has(parsed.deadLetterQueue))
        throw new CmqError(4440, `(10110)dead letter queue ${parsed.deadLetterQueue} is not exist`);
      deadLetter = { queueName: parsed.deadLetterQueue, maxReceiveCount: parsed.maxReceiveCount };
    }
    queues.set(name, {
      visibilityTimeout: intParam(params, "visibilityTimeout", 30, 1, 43200),
      pollingWaitSeconds: intParam(params, "pollingWaitSeconds", 0, 0, 30),
      deadLetter,
      messages: [],
    });
    return { queueId: `queue-${name}` };
  },
  GetQueueAttributes(params) {
    const queue = queueOf(params);
    const now = Date.now();
    const active = queue.messages.filter((m) => m.visibleAt <= now).length;
    return {
      activeMsgNum: active,
      inactiveMsgNum: queue.messages.length - active,
      visibilityTimeout: queue.visibilityTimeout,
      pollingWaitSeconds: queue.pollingWaitSeconds,
      deadLetterPolicy: queue.deadLetter
        ? { deadLetterQueue: queue.deadLetter.queueName, policy: 0,
            maxReceiveCount: queue.deadLetter.maxReceiveCount }
        : null,
    };
  },
  SendMessage(params) {
    const queue = queueOf(params);
    const body = params.get("msgBody");
    if (body === null) throw new CmqError(4000, "(10010)msgBody is missing");
    return { msgId: enqueue(queue, body, intParam(params, "delaySeconds", 0, 0, 3600)) };
  },
  BatchSendMessage(params) {
    const queue = queueOf(params);
    const bodies = numbered(params, "msgBody");
    if (bodies.length < 1 || bodies.length > 16)
      throw new CmqError(4000, "(10010)between 1 and 16 msgBody.n are needed");
    const delay = intParam(params, "delaySeconds", 0, 0, 3600);
    return { msgList: bodies.map((body) => ({ msgId: enqueue(queue, body, delay) })) };
  },
  async ReceiveMessage(params) {
    const got = await receive(queueOf(params), params, 1);
    if (got.length === 0) throw new CmqError(7000, "(10200)no message");
    return got[0];
  },
  async BatchReceiveMessage(params) {
    const count = intParam(params, "numOfMsg", 1, 1, 16);
    const got = await receive(queueOf(params), params, count);
    if (got.length === 0) throw new CmqError(7000, "(10200)no message");
    return { msgInfoList: got };
  },
  DeleteMessage(params) {
    if (!removeByHandle(queueOf(params), params.get("receiptHandle")))
      throw new CmqError(4430, "(10230)receiptHandle is invalid or expired");
    return {};
  },
  BatchDeleteMessage(params) {
    const queue = queueOf(params);
    const errorList = [];
    for (const handle of numbered(params, "receiptHandle")) {
      if (!removeByHandle(queue, handle))
        errorList.push({ code: 4430, message: "receiptHandle is invalid or expired", receiptHandle: handle });
    }
    if (errorList.length > 0) throw new CmqError(6010, "batch delete failed", { errorList });
    return {};
  },
};

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    const requestId = randomUUID();
    let answer;
    try {
      const url = new URL(req.url, "http://stand-in");
      if (req.method !== "POST" || url.pathname !== PATH)
        throw new CmqError(4000, `(10000)only POST ${PATH} is served`);
      const params = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      verifySignature(req.headers.host ?? "", params);
      const action = actions[params.get("Action")];
      if (!action) throw new CmqError(4000, `(10000)unknown Action ${params.get("Action")}`);
      answer = { code: 0, message: "", requestId, ...(await action(params)) };
    } catch (error) {
      answer = error instanceof CmqError
        ? { code: error.code, message: error.message, requestId, ...error.extra }
        : { code: 6000, message: `(10000)internal error: ${error.message}`, requestId };
    }
    const body = JSON.stringify(answer);
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});

const port = Number.parseInt(process.argv[2] ?? "0", 10) || 0;
server.listen(port, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();
