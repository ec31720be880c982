import { Empty, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { networkKindLabel } from '../../directory/labels';
import type { NetworkTreeNode } from '../api';

function toTreeData(nodes: readonly NetworkTreeNode[]): TreeDataNode[] {
  return nodes.map((node) => ({ key: node.id, title: node.name, children: toTreeData(node.children ?? []) }));
}

/** The ids from a root down to `id`, or undefined when `id` is not in the tree. */
function pathTo(nodes: readonly NetworkTreeNode[], id: string): string[] | undefined {
  for (const node of nodes) {
    if (node.id === id) return [node.id];
    const below = pathTo(node.children ?? [], id);
    if (below) return [node.id, ...below];
  }
  return undefined;
}

function byId(nodes: readonly NetworkTreeNode[]): Map<string, NetworkTreeNode> {
  const map = new Map<string, NetworkTreeNode>();
  const walk = (list: readonly NetworkTreeNode[]) => {
    for (const node of list) {
      map.set(node.id, node);
      walk(node.children ?? []);
    }
  };
  walk(nodes);
  return map;
}

/**
 * The "1+36+N" nesting of networks. With `focusId`, only the branch that holds it is shown, opened
 * down to it and with it selected.
 */
export function NetworkTree({ nodes, focusId }: { nodes: readonly NetworkTreeNode[]; focusId?: string }) {
  const t = useT();
  const { treeData, expanded, lookup } = useMemo(() => {
    const path = focusId ? pathTo(nodes, focusId) : undefined;
    const roots = path ? nodes.filter((node) => node.id === path[0]) : nodes;
    return { treeData: toTreeData(roots), expanded: path, lookup: byId(nodes) };
  }, [nodes, focusId]);

  if (treeData.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.treeEmpty')} />;
  return (
    <Tree
      key={focusId ?? 'all'}
      treeData={treeData}
      defaultExpandAll={!focusId}
      defaultExpandedKeys={expanded}
      selectedKeys={focusId ? [focusId] : []}
      showLine
      blockNode
      selectable={false}
      titleRender={(data) => {
        const node = lookup.get(String(data.key));
        const count = node?.children?.length ?? 0;
        const label = (
          <>
            {String(data.title)}
            {node ? (
              <Tag style={{ marginInlineStart: 8 }} variant="filled">
                {networkKindLabel(t, node.kind)}
              </Tag>
            ) : null}
            {count > 0 ? <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('network.childCount', { count })}</span> : null}
          </>
        );
        return data.key === focusId ? (
          <strong>{label}</strong>
        ) : (
          <Link to={`/directory/networks/${encodeURIComponent(String(data.key))}`}>{label}</Link>
        );
      }}
    />
  );
}
