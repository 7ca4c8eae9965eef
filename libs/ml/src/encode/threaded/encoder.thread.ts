// The encoder thread's entry (started by ThreadedEncoderEnsemble, never imported): owns one
// EncoderEnsemble and answers encode requests in order.
import { parentPort, workerData } from 'node:worker_threads';
import { rgbImage } from '../../common/rgb-image';
import { EncoderEnsemble } from '../encoder.ensemble';
import type { EncoderThreadInit, FromEncoderThread, ToEncoderThread } from './encoder-thread.protocol';
import { toThreadError } from './thread-error';

const port = parentPort;
if (!port) throw new Error('encoder.thread runs only as a worker thread');
const post = (message: FromEncoderThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const init = workerData as EncoderThreadInit;

EncoderEnsemble.create(init.manifest, init.config).then(
  (ensemble) => {
    port.on('message', (message: ToEncoderThread) => {
      if (message.kind === 'release') {
        void ensemble.release().finally(() => {
          post({ kind: 'released' });
          port.close();
        });
        return;
      }
      Promise.resolve()
        .then(() => ensemble.encodeTimed(rgbImage(message.width, message.height, message.data)))
        .then(
        ({ embedding, modelMs }) => post({ kind: 'encoded', id: message.id, embedding, modelMs }, [embedding.buffer as ArrayBuffer]),
        (e: unknown) => post({ kind: 'failed', id: message.id, error: toThreadError(e) }),
      );
    });
    post({ kind: 'ready' });
  },
  (e: unknown) => {
    post({ kind: 'init-failed', error: toThreadError(e) });
    port.close();
  },
);
