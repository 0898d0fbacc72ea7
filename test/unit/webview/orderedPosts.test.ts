// Posts to the results webview stay in the order asked while streamed batches are made in the rows
// worker (src/webview/orderedPosts.ts, issue #21): a message waits for those before it, whatever
// order they are made in; with none waiting it posts at once; none posts after the webview closed.
import assert from 'node:assert/strict';
import { OrderedPosts } from '../../../src/webview/orderedPosts';

/** A promise and its resolver. */
function later<T>(): { promise: Promise<T>; resolve(v: T): void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('webview/orderedPosts: posts in order while batches are made (issue #21)', () => {
  const setup = () => {
    const sent: unknown[] = [];
    let open = true;
    const posts = new OrderedPosts(
      (w) => {
        sent.push(w);
        return Promise.resolve(true);
      },
      () => open,
    );
    return { sent, posts, close: () => (open = false) };
  };

  it('posts at once when nothing waits', () => {
    const { sent, posts } = setup();
    void posts.post('a');
    void posts.post('b');
    assert.deepStrictEqual(sent, ['a', 'b']);
  });

  it('a message waits for the ones before it, made in any order', async () => {
    const { sent, posts } = setup();
    const one = later<unknown>();
    const two = later<unknown>();
    void posts.post('first');
    void posts.post(one.promise);
    void posts.post(two.promise);
    const end = posts.post('end');
    two.resolve('batch 2');
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(sent, ['first'], 'nothing overtakes the batch being made');
    one.resolve('batch 1');
    assert.equal(await end, true);
    assert.deepStrictEqual(sent, ['first', 'batch 1', 'batch 2', 'end']);
    await new Promise((r) => setImmediate(r));
    void posts.post('after');
    assert.deepStrictEqual(sent.at(-1), 'after', 'at once again once nothing waits');
  });

  it('a message made later waits for the post before it to be delivered (flow control of the batches)', async () => {
    const sent: unknown[] = [];
    const delivered = later<boolean>();
    const posts = new OrderedPosts(
      (w) => {
        sent.push(w);
        return sent.length === 1 ? delivered.promise : Promise.resolve(true);
      },
      () => true,
    );
    const one = later<unknown>();
    const batch = posts.post(one.promise);
    const two = posts.post(Promise.resolve('batch 2'));
    one.resolve('batch 1');
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(sent, ['batch 1'], 'batch 2 waits while batch 1 is on its way');
    delivered.resolve(true);
    assert.deepStrictEqual(await Promise.all([batch, two]), [true, true]);
    assert.deepStrictEqual(sent, ['batch 1', 'batch 2']);
  });

  it('drops what would post after the webview closed', async () => {
    const { sent, posts, close } = setup();
    const one = later<unknown>();
    const batch = posts.post(one.promise);
    const end = posts.post('end');
    close();
    one.resolve('batch');
    assert.equal(await batch, false);
    assert.equal(await end, false);
    assert.deepStrictEqual(sent, []);
  });
});
