import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { flattenNetworkTree, useNetworkTree } from '../../networks/api';

/** A network from the "1+36+N" tree (indented by depth), searchable by name. Works as a Form control. */
export function NetworkSelect({ excludeId, ...props }: Omit<SelectProps<string>, 'options'> & { excludeId?: string }) {
  const tree = useNetworkTree();
  const options = useMemo(
    () =>
      flattenNetworkTree(tree.data ?? [])
        .filter((node) => node.id !== excludeId)
        .map((node) => ({
          value: node.id,
          label: node.name,
          title: node.name,
          indented: `${'\u3000'.repeat(node.depth)}${node.name}`,
        })),
    [tree.data, excludeId],
  );
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={tree.isPending}
      popupMatchSelectWidth={false}
      optionRender={(option) => option.data.indented}
      {...props}
      options={options}
    />
  );
}
