import {
  ANALYSES_QUEUE,
  type JobQueues,
  openJobQueues,
  producerConnection,
} from "@attrib/jobs";
import { Queue } from "bullmq";

import { env } from "../env.ts";
import { processSingleton } from "./processSingleton.ts";

/** The producer the chat bot uses too: web submissions go to the same workers. */
export function jobQueues(): JobQueues {
  return processSingleton("jobQueues", () => openJobQueues(env().redisUrl));
}

/** A read handle on the analyses queue, to tell a submitter how their job is doing. */
export function analysesQueue(): Queue {
  return processSingleton("analysesQueue", () => {
    const queue = new Queue(ANALYSES_QUEUE, {
      connection: producerConnection(env().redisUrl),
    });
    // Each failing call reports the outage itself; the event would only repeat it.
    queue.on("error", () => {});
    return queue;
  });
}
