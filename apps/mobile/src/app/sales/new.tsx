import { useLocalSearchParams, useRouter } from 'expo-router';
import { SaleForm } from '../../forms/sale-form';

export default function NewSaleScreen() {
  const { customerId } = useLocalSearchParams<{ customerId?: string }>();
  const router = useRouter();
  return <SaleForm customerId={customerId} onDone={() => router.back()} />;
}
