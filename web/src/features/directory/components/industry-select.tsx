import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { industryTree, useIndustries } from '../../industries/api';

/** Industries from the taxonomy, as a tree; `multiple` for tagging, single for filters. Works as a Form control. */
export function IndustrySelect({
  multiple = false,
  ...props
}: Omit<TreeSelectProps<string | string[]>, 'treeData' | 'multiple'> & { multiple?: boolean }) {
  const industries = useIndustries();
  const treeData = useMemo(() => industryTree(industries.data ?? []), [industries.data]);
  return (
    <TreeSelect<string | string[]>
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={industries.isPending}
      multiple={multiple}
      treeData={treeData}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
