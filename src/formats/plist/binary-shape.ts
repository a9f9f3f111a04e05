import type { ObjectTable } from './binary-table.js';
import { plistError } from './errors.js';
import type { PlistLimits } from './limits.js';

interface MeasureFrame {
  readonly object: number;
  readonly valuesAt: number;
  readonly count: number;
  next: number;
  /** The container, its keys and its values, each value counted as 1 until it is measured. */
  nodes: number;
  /** Height of the tallest value measured so far (0 when there is none). */
  height: number;
}

/**
 * Checks the object graph before anything is decoded: no cycles, at most `maxNodes` values once
 * every shared object is expanded (dictionary keys included), and no deeper than `maxDepth`.
 *
 * Each object is visited once and its expanded size and height remembered, so an expansion
 * bomb (arrays that each reference the next one twice) is measured in time proportional to its
 * file size and rejected before a single value is built.
 */
export function checkGraphShape(table: ObjectTable, limits: PlistLimits): void {
  new GraphMeasure(table, limits).measure(table.trailer.topObject);
}

// An object's state starts at 0: not visited yet.
const IN_PROGRESS = 1;
const MEASURED = 2;

class GraphMeasure {
  private readonly state: Uint8Array;
  private readonly nodes: Float64Array;
  private readonly heights: Float64Array;
  private readonly stack: MeasureFrame[] = [];

  constructor(
    private readonly table: ObjectTable,
    private readonly limits: PlistLimits,
  ) {
    // The trailer check bounds objectCount by the file size, so these stay proportional to it.
    const count = table.trailer.objectCount;
    this.state = new Uint8Array(count);
    this.nodes = new Float64Array(count);
    this.heights = new Float64Array(count);
  }

  measure(top: number): void {
    if (!this.enter(top)) return;
    for (;;) {
      const frame = this.stack[this.stack.length - 1] as MeasureFrame; // non-empty until the root is done
      if (frame.next < frame.count) {
        const child = this.table.refAt(frame.valuesAt, frame.next++);
        if (!this.enter(child)) this.add(frame, child);
        continue;
      }
      this.stack.pop();
      this.finish(frame);
      const parent = this.stack[this.stack.length - 1];
      if (parent === undefined) return;
      this.add(parent, frame.object);
    }
  }

  /** Starts measuring a container; false when `object` is already measured (a scalar counts as measured). */
  private enter(object: number): boolean {
    if (this.state[object] === MEASURED) return false;
    if (this.state[object] === IN_PROGRESS) throw plistError('plist.cycle', `object ${object} contains itself`);
    const container = this.table.containerOf(object);
    if (container === undefined) {
      this.nodes[object] = 1;
      this.heights[object] = 0;
      this.state[object] = MEASURED;
      return false;
    }
    if (this.stack.length >= this.limits.maxDepth) this.tooDeep();
    // Every value counts as one node until it is measured; keys are strings and stay one node.
    const keys = container.kind === 'dict' ? container.count : 0;
    const nodes = 1 + keys + container.count;
    this.checkNodes(nodes);
    const frame = { object, valuesAt: container.valuesAt, count: container.count, next: 0, nodes, height: 0 };
    this.state[object] = IN_PROGRESS;
    this.stack.push(frame);
    return true;
  }

  /** Adds a measured value to its parent, checking depth and size as shared subtrees expand. */
  private add(parent: MeasureFrame, child: number): void {
    parent.nodes += (this.nodes[child] as number) - 1;
    this.checkNodes(parent.nodes);
    parent.height = Math.max(parent.height, this.heights[child] as number);
    if (this.stack.length + parent.height > this.limits.maxDepth) this.tooDeep();
  }

  private finish(frame: MeasureFrame): void {
    this.nodes[frame.object] = frame.nodes;
    this.heights[frame.object] = frame.height + 1;
    this.state[frame.object] = MEASURED;
  }

  private checkNodes(nodes: number): void {
    if (nodes > this.limits.maxNodes) {
      throw plistError('plist.too_many_nodes', `more than ${this.limits.maxNodes} values once shared objects are expanded`);
    }
  }

  private tooDeep(): never {
    throw plistError('plist.too_deep', `nesting exceeds the limit of ${this.limits.maxDepth} levels`);
  }
}
