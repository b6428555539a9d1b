import { ERROR_CAUSES } from '../../sim-core/metrics/replication-result.ts';
import { Op, type CompiledModel } from '../../sim-core/model/compiled.ts';

const NAMES = Object.fromEntries(Object.entries(Op).map(([k, v]) => [v, k]));

/** The step program as readable lines (`12: CALL back.q`), for tests. */
export function disassemble(m: CompiledModel): string[] {
  const { code } = m;
  const dist = (id: number) => JSON.stringify(m.dists.specs[id]);
  const lines: string[] = [];
  let pc = 0;
  while (pc < code.length) {
    const starts = m.blocks.filter((b) => b.pc === pc).map((b) => `${b.name}:`);
    lines.push(...starts);
    const op = code[pc];
    const at = pc;
    let text: string;
    switch (op) {
      case Op.ENTER: text = `ENTER ${m.stations[code[pc + 1]].name}`; pc += 2; break;
      case Op.SLEEP: text = `SLEEP ${dist(code[pc + 1])} ${m.streams[code[pc + 2]]}`; pc += 3; break;
      case Op.LEAVE: text = 'LEAVE'; pc += 1; break;
      case Op.CALL: text = `CALL ${m.blocks[code[pc + 1]].name}`; pc += 2; break;
      case Op.BRANCH: {
        const n = code[pc + 2];
        const consts = Array.from(m.consts.subarray(code[pc + 3], code[pc + 3] + n));
        const targets = Array.from(code.subarray(pc + 4, pc + 4 + n + 1));
        text = `BRANCH ${m.streams[code[pc + 1]]} ${JSON.stringify(consts)} ${targets.join(' ')}`;
        pc += 5 + n;
        break;
      }
      case Op.JUMP: text = `JUMP ${code[pc + 1]}`; pc += 2; break;
      case Op.FORK: {
        const n = code[pc + 1];
        text = `FORK ${Array.from(code.subarray(pc + 2, pc + 2 + n)).map((b) => m.blocks[b].name).join(' ')}`;
        pc += 2 + n;
        break;
      }
      case Op.RETURN: text = 'RETURN'; pc += 1; break;
      case Op.FAIL: text = `FAIL ${m.consts[code[pc + 2]]} ${ERROR_CAUSES[code[pc + 3]]} @${m.stations[code[pc + 4]].name} ${m.streams[code[pc + 1]]}`; pc += 5; break;
      case Op.LIMIT: text = `LIMIT ${m.limiters[code[pc + 1]].name} @${m.stations[code[pc + 2]].name}`; pc += 3; break;
      case Op.ENTER_HOME: text = `ENTER_HOME ${m.stations[code[pc + 1]].name} @${m.stations[code[pc + 2]].name}`; pc += 3; break;
      case Op.COUNT: { const c = m.counters[code[pc + 1]]; text = `COUNT ${c.component}.${c.group}.${c.key}`; pc += 2; break; }
      case Op.RECORD: { const st = m.stats[code[pc + 3]]; text = `RECORD ${dist(code[pc + 1])} ${m.streams[code[pc + 2]]} ${st.component}.${st.key}`; pc += 4; break; }
      case Op.HIT: {
        const k = code[pc + 3];
        text = `HIT ${m.caches[code[pc + 1]].name} ${m.streams[code[pc + 2]]} ${k >= 0 ? m.consts[k] : 'model'} ${code[pc + 4]}`;
        pc += 5;
        break;
      }
      case Op.CALLX: text = `CALLX ${m.blocks[code[pc + 1]].name} policy ${code[pc + 2]}${code[pc + 3] === 1 ? ' hop' : ''}`; pc += 4; break;
      case Op.PUBLISH: text = `PUBLISH ${m.queues[code[pc + 1]].name} ${m.blocks[code[pc + 2]].name}`; pc += 3; break;
      default: throw new Error(`unknown opcode ${op} at ${pc}`);
    }
    lines.push(`  ${at}: ${NAMES[op] ? text : '?'}`);
  }
  return lines;
}
