import { useRouter } from 'expo-router';
import { CustomerForm } from '../../forms/customer-form';

export default function NewCustomerScreen() {
  const router = useRouter();
  return <CustomerForm onDone={(id) => router.replace(`/customers/${id}`)} />;
}
