import { useEffect, useMemo, useState } from 'react';
import { CONDITION_TITLES, type SummaryRow } from '../../core/desk/summary';
import { VERDICT_LABELS, type Verdict } from '../../core/desk/types';
import { formatBytes } from '../../core/bytes';

type SortKey = 'studioName' | 'unitName' | 'recommender' | 'teamSize' | 'investment' | 'economicBenefit' | 'innovations' | 'conditionsMet' | 'verdict' | 'packageBytes';

const VERDICT_ORDER: Record<Verdict, number> = { passed: 0, incomplete: 1, failed: 2, refused: 3 };

function compare(a: SummaryRow, b: SummaryRow, key: SortKey): number {
  if (key === 'verdict') return VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
  const x = a[key];
  const y = b[key];
  if (typeof x === 'number' || typeof y === 'number') return (x ?? -Infinity) > (y ?? -Infinity) ? 1 : (x ?? -Infinity) < (y ?? -Infinity) ? -1 : 0;
  return String(x ?? '').localeCompare(String(y ?? ''), 'zh-Hans-CN');
}

interface Props {
  rows: SummaryRow[];
  candidatesPerUnit: number;
  compare: string[];
  onShown: (rows: SummaryRow[]) => void;
  onDetail: (id: string) => void;
  onToggleCompare: (id: string) => void;
}

const HEADERS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'studioName', label: '工作室名称' },
  { key: 'unitName', label: '所在单位' },
  { key: 'recommender', label: '推荐单位' },
  { key: 'teamSize', label: '团队人数', numeric: true },
  { key: 'investment', label: '近三年经费投入（万元）', numeric: true },
  { key: 'economicBenefit', label: '近三年经济效益（万元）', numeric: true },
  { key: 'innovations', label: '技术创新（项）', numeric: true },
  { key: 'conditionsMet', label: '申报条件', numeric: true },
  { key: 'verdict', label: '核验结论' },
  { key: 'packageBytes', label: '大小', numeric: true },
];

/** 汇总: one row per candidate, sortable by any figure and filtered by words or verdict. */
export function SummaryTable({ rows, candidatesPerUnit, compare: chosen, onShown, onDetail, onToggleCompare }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null);
  const [words, setWords] = useState('');
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const shown = useMemo(() => {
    const needle = words.trim().toLowerCase();
    const filtered = rows.filter((row) => {
      if (verdict !== '' && row.verdict !== verdict) return false;
      if (needle === '') return true;
      return [row.studioName, row.unitName, row.recommender, row.leader, row.industry, row.unitType, row.fileName].some((text) => text.toLowerCase().includes(needle));
    });
    if (sort === null) return filtered;
    return [...filtered].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key));
  }, [rows, words, verdict, sort]);
  // The exports write what the reviewer sees.
  useEffect(() => onShown(shown), [shown, onShown]);

  return (
    <>
      <div className="desk-filters">
        <label>
          筛选（名称、单位、领衔人等）
          <input type="search" value={words} onChange={(e) => setWords(e.currentTarget.value)} />
        </label>
        <label>
          核验结论
          <select value={verdict} onChange={(e) => setVerdict(e.currentTarget.value as Verdict | '')}>
            <option value="">全部</option>
            {(Object.keys(VERDICT_LABELS) as Verdict[]).map((v) => <option key={v} value={v}>{VERDICT_LABELS[v]}</option>)}
          </select>
        </label>
        <span role="status">显示 {shown.length} / {rows.length} 份</span>
      </div>
      <div className="table-scroll">
        <table className="desk-table">
          <caption className="visually-hidden">申报汇总，点击列标题排序</caption>
          <thead>
            <tr>
              {HEADERS.map((h) => (
                <th key={h.key} scope="col" aria-sort={sort?.key === h.key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  <button type="button" className="btn-link desk-sort" onClick={() => setSort((s) => ({ key: h.key, descending: s?.key === h.key ? !s.descending : false }))}>
                    {h.label}{sort?.key === h.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">提示</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-verdict={row.verdict}>
                <th scope="row">
                  {row.studioName || <span className="review-empty">（无法读取）</span>}
                  <div className="desk-file">{row.fileName}</div>
                </th>
                <td>{row.unitName}<div className="desk-sub">{[row.unitType, row.industry].filter((t) => t !== '').join(' · ')}</div></td>
                <td>{row.recommender}{row.overLimit && <div className="desk-flag">该单位共{row.recommenderCount}个，超过{candidatesPerUnit}个</div>}</td>
                <td className="num">{row.teamSize ?? ''}</td>
                <td className="num">{row.investment ?? ''}</td>
                <td className="num">{row.economicBenefit ?? ''}</td>
                <td className="num">{row.innovations ?? ''}</td>
                <td className="num" title={CONDITION_TITLES.map((t, i) => `${t}：${row.conditions[i] === null ? '—' : row.conditions[i] ? '符合' : '未满足'}`).join('\n')}>
                  {row.conditionsMet === null ? '' : `${row.conditionsMet}/6`}
                </td>
                <td><span className={`status-badge verdict--${row.verdict}`}>{VERDICT_LABELS[row.verdict]}</span><div className="desk-sub">{row.completeness}</div></td>
                <td className="num">{formatBytes(row.packageBytes)}</td>
                <td>{row.duplicates.map((d) => <div key={d} className="desk-flag">{d}</div>)}</td>
                <td>
                  <div className="draft-actions">
                    <button type="button" className="btn" onClick={() => onDetail(row.id)} disabled={row.studioName === '' && row.verdict === 'refused'}>
                      详情<span className="visually-hidden">：{row.studioName || row.fileName}</span>
                    </button>
                    <label className="checkbox">
                      <input type="checkbox" checked={chosen.includes(row.id)} onChange={() => onToggleCompare(row.id)} disabled={row.studioName === ''} />
                      对比<span className="visually-hidden">：{row.studioName || row.fileName}</span>
                    </label>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
