import { describe, expect, it } from 'vitest';
import type { ClosedNetwork } from './closed-network.ts';
import { convolutionClosed } from './convolution.ts';
import { machineRepair } from './machine-repair.ts';
import { mvaMultiServer } from './mva-multiserver.ts';
import { mvaSingleServer } from './mva.ts';

describe('standard MVA (single-server stations)', () => {
  it('hand-computed: D = (1, 0.5), Z = 1 — N = 1: X = 0.4; N = 2: X = 2/3, R = 2', () => {
    const net: ClosedNetwork = { stations: [{ kind: 'queue', demand: 1, servers: 1 }, { kind: 'queue', demand: 0.5, servers: 1 }], thinkTime: 1 };
    expect(mvaSingleServer(net, 1).throughput).toBeCloseTo(0.4, 14);
    const two = mvaSingleServer(net, 2);
    expect(two.throughput).toBeCloseTo(2 / 3, 14);
    expect(two.response).toBeCloseTo(2, 14);
    expect(two.stations[0].residence).toBeCloseTo(1.4, 14);
  });
});

describe('load-dependent MVA (multi-server stations)', () => {
  const single: ClosedNetwork = {
    stations: [{ kind: 'delay', demand: 0.3 }, { kind: 'queue', demand: 1, servers: 1 }, { kind: 'queue', demand: 0.7, servers: 1 }],
    thinkTime: 2,
  };
  const multi: ClosedNetwork = {
    stations: [{ kind: 'delay', demand: 0.5 }, { kind: 'queue', demand: 4, servers: 3 }, { kind: 'queue', demand: 1.5, servers: 2 }, { kind: 'queue', demand: 0.6, servers: 1 }],
    thinkTime: 5,
  };

  it('equals standard MVA when every station has one server', () => {
    for (const n of [1, 5, 40, 200]) {
      const a = mvaSingleServer(single, n), b = mvaMultiServer(single, n);
      expect(b.throughput).toBeCloseTo(a.throughput, 12);
      b.stations.forEach((s, k) => expect(s.queueLength).toBeCloseTo(a.stations[k].queueLength, 10));
    }
  });

  it('equals the convolution algorithm (an independent product-form solution)', () => {
    for (const n of [1, 2, 3, 7, 20, 60]) {
      const a = convolutionClosed(multi, n), b = mvaMultiServer(multi, n);
      expect(b.throughput / a.throughput).toBeCloseTo(1, 11);
      expect(b.response / a.response).toBeCloseTo(1, 10);
      b.stations.forEach((s, k) => expect(s.queueLength / a.stations[k].queueLength).toBeCloseTo(1, 10));
    }
  });

  it('equals the machine-repair birth–death chain (one c-server station and think time)', () => {
    for (const [n, c] of [[10, 3], [50, 8], [300, 16]]) {
      const a = machineRepair(n, 20, 2.56, c);
      const b = mvaMultiServer({ stations: [{ kind: 'queue', demand: 2.56, servers: c }], thinkTime: 20 }, n);
      expect(b.throughput / a.throughput).toBeCloseTo(1, 11);
      expect(b.response / a.response).toBeCloseTo(1, 10);
      expect(a.response).toBeCloseTo(n / a.throughput - 20, 9); // Little's law on the thinkers
    }
  });

  it('a station with at least N servers never queues: it acts as a delay station', () => {
    const asQueue = mvaMultiServer({ stations: [{ kind: 'queue', demand: 3, servers: 10 }, { kind: 'queue', demand: 1, servers: 1 }], thinkTime: 1 }, 10);
    const asDelay = mvaMultiServer({ stations: [{ kind: 'delay', demand: 3 }, { kind: 'queue', demand: 1, servers: 1 }], thinkTime: 1 }, 10);
    expect(asQueue.throughput).toBeCloseTo(asDelay.throughput, 12);
    expect(asQueue.stations[0].residence).toBeCloseTo(3, 12);
  });

  it('satisfies Little over the whole cycle (Σ Q_k + X·Z = N) and the throughput bounds', () => {
    for (const n of [10, 100, 1000]) {
      const s = mvaMultiServer(multi, n);
      const inNetwork = s.stations.reduce((sum, st) => sum + st.queueLength, 0);
      expect(inNetwork + s.throughput * multi.thinkTime).toBeCloseTo(n, 8);
      expect(s.throughput).toBeLessThanOrEqual(Math.min(3 / 4, 2 / 1.5, 1 / 0.6) * (1 + 1e-12));
      expect(s.throughput).toBeLessThanOrEqual(n / (5 + 0.5 + 4 + 1.5 + 0.6));
    }
  });

  it('saturates at the bottleneck: X → c/D = 0.75, R → N/X − Z', () => {
    const s = mvaMultiServer(multi, 5000);
    expect(s.throughput).toBeCloseTo(0.75, 12);
    expect(s.stations[1].utilisation).toBeCloseTo(1, 12);
    expect(s.response).toBeCloseTo(5000 / 0.75 - 5, 6);
  });

  it('closed-50k (issue #2): X = 4995.95/s, R = 8.102 ms, second station at 0.7994, and stays stable', () => {
    const net: ClosedNetwork = {
      stations: [{ kind: 'delay', demand: 0.5 }, { kind: 'queue', demand: 4.8, servers: 40 }, { kind: 'queue', demand: 2.56, servers: 16 }],
      thinkTime: 10_000,
    };
    const s = mvaMultiServer(net, 50_000);
    expect(s.throughput * 1000).toBeCloseTo(4995.95, 2);
    expect(s.response).toBeCloseTo(8.102, 3);
    expect(s.stations[2].utilisation).toBeCloseTo(0.7994, 4);
    // Every per-station value stays a probability-consistent, finite positive number.
    for (const st of s.stations) expect(st.queueLength).toBeGreaterThan(0);
  });
});
